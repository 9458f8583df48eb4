namespace Rectify.Domain.Items;

/// <summary>A piece of evidence (photo, document, inspection record) kept elsewhere, named by its address.</summary>
public sealed record Evidence(string Name, string Uri, string? Sha256);

/// <summary>A progress report (进展报告) as submitted; only the latest by date drives the item.</summary>
public sealed record ProgressReport(
    Guid Id,
    Guid ItemId,
    DateOnly ReportedOn,
    string Summary,
    ProgressStatus ProgressStatus,
    ScheduleStatus? ScheduleStatus,
    decimal? QuantityDone,
    string? Obstacles,
    IReadOnlyList<Evidence> Evidence,
    string ReportedBy,
    DateTimeOffset CreatedAt);

public enum SignOffRequestStatus
{
    Pending,
    Approved,
    Returned,
}

/// <summary>One round of 申请销号: the package of evidence the unit submitted.</summary>
public sealed record SignOffRequest(
    Guid Id,
    Guid ItemId,
    int Round,
    string Summary,
    IReadOnlyList<Evidence> Evidence,
    SignOffRequestStatus Status,
    string RequestedBy,
    Guid? RequestedByClientId,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClosedAt);

/// <summary>One decision of the review chain, bound to the item version the reviewer saw.</summary>
public sealed record SignOffReview(
    Guid Id,
    Guid RequestId,
    Guid ItemId,
    int StepIndex,
    string StepName,
    ReviewDecision Decision,
    string ReviewerName,
    string? Comment,
    string? DocumentNumber,
    int ItemVersion,
    string ReviewedBy,
    DateTimeOffset ReviewedAt);

/// <summary>反弹 / 死灰复燃: a completed or signed-off item found again, recorded as its own event.</summary>
public sealed record Recurrence(
    Guid Id,
    Guid ItemId,
    DateOnly DetectedOn,
    string DetectedBy,
    string Description,
    DateOnly NewDueDate,
    SignOffStatus PreviousSignOff,
    string RecordedBy,
    DateTimeOffset RecordedAt);
