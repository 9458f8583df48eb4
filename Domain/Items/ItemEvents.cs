using Rectify.Domain.Common;

namespace Rectify.Domain.Items;

/// <summary>What can happen to an item; each names its audit action and carries the values that matter.</summary>
public abstract record ItemEvent : DomainEvent;

public sealed record ItemCreated : ItemEvent
{
    public override string Action => "created";
}

/// <summary>The item's own content or deadline was edited; which fields is in the recorded changes.</summary>
public sealed record ItemEdited : ItemEvent
{
    public override string Action => "updated";
}

public sealed record UnitsReassigned(Guid LeadUnitId, IReadOnlyList<ItemUnit> Units) : ItemEvent
{
    public override string Action => "units_reassigned";
}

public abstract record MeasureEvent(Measure Measure, IReadOnlyList<FieldChange> MeasureChanges) : ItemEvent
{
    public override string Action => "measure_updated";
    public override IEnumerable<FieldChange> Details => MeasureChanges;
}

public sealed record MeasureAdded(Measure Measure, IReadOnlyList<FieldChange> MeasureChanges) : MeasureEvent(Measure, MeasureChanges)
{
    public override string Action => "measure_added";
}

/// <summary>A measure's text, unit or due date was edited, or it was marked unimplemented again.</summary>
public sealed record MeasureChanged(Measure Measure, IReadOnlyList<FieldChange> MeasureChanges) : MeasureEvent(Measure, MeasureChanges);

public sealed record MeasureImplemented(Measure Measure, IReadOnlyList<FieldChange> MeasureChanges) : MeasureEvent(Measure, MeasureChanges);

/// <summary>A report was filed; <paramref name="Applied"/> is false when an older-dated report left the item as it was.</summary>
public sealed record ProgressReported(ProgressReport Report, bool Applied) : ItemEvent
{
    public override string Action => "progress_reported";

    public override IEnumerable<FieldChange> Details =>
    [
        new("report.id", null, Report.Id),
        new("report.reportedOn", null, Report.ReportedOn),
        new("report.summary", null, Report.Summary),
        new("report.evidence", null, Report.Evidence.Count),
    ];
}

/// <summary>完成整改: every measure implemented and reported completed.</summary>
public sealed record ItemCompleted(DateTimeOffset CompletedAt) : ItemEvent
{
    public override string Action => "completed";
    public override IEnumerable<FieldChange> Details => [new("completedAt", null, CompletedAt)];
}

public sealed record SignOffRequested(SignOffRequest Request) : ItemEvent
{
    public override string Action => "sign_off_requested";

    public override IEnumerable<FieldChange> Details =>
    [
        new("request.id", null, Request.Id),
        new("request.summary", null, Request.Summary),
        new("request.evidence", null, Request.Evidence.Count),
    ];
}

/// <summary>A decision on one step of the chain; <paramref name="ClosedRequest"/> is set when it ended the request.</summary>
public abstract record SignOffReviewed(SignOffReview Review, SignOffRequest? ClosedRequest) : ItemEvent
{
    public override IEnumerable<FieldChange> Details =>
    [
        new("review.step", null, Review.StepName),
        new("review.reviewerName", null, Review.ReviewerName),
        new("review.comment", null, Review.Comment),
        new("review.documentNumber", null, Review.DocumentNumber),
        new("review.itemVersion", null, Review.ItemVersion),
    ];
}

public sealed record SignOffStepApproved(SignOffReview Review, SignOffRequest? ClosedRequest) : SignOffReviewed(Review, ClosedRequest)
{
    public override string Action => "sign_off_approved";
}

public sealed record SignOffReturned(SignOffReview Review, SignOffRequest? ClosedRequest) : SignOffReviewed(Review, ClosedRequest)
{
    public override string Action => "sign_off_returned";
}

/// <summary>已销号: the last step approved.</summary>
public sealed record ItemSignedOff(SignOffRequest Request, DateTimeOffset SignedOffAt) : ItemEvent
{
    public override string Action => "signed_off";
    public override IEnumerable<FieldChange> Details => [new("request.id", null, Request.Id)];
}

public abstract record ExtensionEvent(Extension Extension) : ItemEvent
{
    public override IEnumerable<FieldChange> Details =>
    [
        new("extension.id", null, Extension.Id),
        new("extension.reviewerName", null, Extension.ReviewerName),
        new("extension.comment", null, Extension.Comment),
    ];
}

public sealed record ExtensionRequested(Extension Extension) : ExtensionEvent(Extension)
{
    public override string Action => "extension_requested";

    public override IEnumerable<FieldChange> Details =>
    [
        new("extension.id", null, Extension.Id),
        new("extension.requestedDueDate", null, Extension.RequestedDueDate),
        new("extension.reason", null, Extension.Reason),
    ];
}

public sealed record ExtensionApproved(Extension Extension) : ExtensionEvent(Extension)
{
    public override string Action => "extension_approved";
}

public sealed record ExtensionRejected(Extension Extension) : ExtensionEvent(Extension)
{
    public override string Action => "extension_rejected";
}

/// <summary>反弹: the item reopened; a sign-off request still under review was closed as returned.</summary>
public sealed record ItemRecurred(Recurrence Recurrence, SignOffRequest? ClosedRequest) : ItemEvent
{
    public override string Action => "recurrence_recorded";

    public override IEnumerable<FieldChange> Details =>
    [
        new("recurrence.id", null, Recurrence.Id),
        new("recurrence.detectedOn", null, Recurrence.DetectedOn),
        new("recurrence.detectedBy", null, Recurrence.DetectedBy),
        new("recurrence.description", null, Recurrence.Description),
    ];
}
