using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Infrastructure.Demo;

/// <summary>Where the demo takes an item: its progress and, once completed, its place in the sign-off chain.</summary>
internal enum DemoStage
{
    NotStarted,
    InProgress,
    BasicallyCompleted,
    /// <summary>Completed, no sign-off asked for yet.</summary>
    Completed,
    /// <summary>Completed and under review, <see cref="DemoItem.ApprovedSteps"/> steps approved so far.</summary>
    SignOffRequested,
    /// <summary>Completed, reviewed up to <see cref="DemoItem.ApprovedSteps"/>, then returned (see <see cref="DemoItem.Return"/>).</summary>
    Returned,
    SignedOff,
}

internal sealed record DemoUnit(string Code, string Name, UnitKind Kind, string? Parent, string Contact, string Phone);

/// <summary>A measure; the unit defaults to the item's lead unit.</summary>
internal sealed record DemoMeasure(string Text, string? Unit = null)
{
    public static implicit operator DemoMeasure(string text) => new(text);
}

/// <summary>A 延期 request made today, decided (or left pending) by the office.</summary>
internal sealed record DemoExtension(int RequestedDueInDays, string Reason, ExtensionStatus Decision, string? Comment = null);

/// <summary>A 退回 at the step after the approved ones; optionally resubmitted and approved again up to a step.</summary>
internal sealed record DemoReturn(string Reason, int? ResubmittedApprovedSteps = null);

/// <summary>
/// 反弹 found on a signed-off item: the item reopens with a new due date and a new measure, and is either being
/// worked on again or completed again and back in review.
/// </summary>
internal sealed record DemoRecurrence(int DetectedDaysAgo, string DetectedBy, string Description, int NewDueInDays,
    DemoMeasure NewMeasure, int FollowUpDaysAgo, string FollowUp, bool CompletedAgain = false);

/// <summary>
/// What happened to a ledger entry (samples/ledger.csv, matched by code) after it was imported: its progress, sign-off,
/// extension and recurrence, which a ledger does not carry; days are relative to the office's today so the demo stays
/// current.
/// </summary>
internal sealed class DemoItem
{
    public required string Code { get; init; }
    public required DemoStage Stage { get; init; }
    public ScheduleStatus Schedule { get; init; } = ScheduleStatus.OnSchedule;
    /// <summary>Measures implemented while still open; by default half of them, all but one when basically completed.</summary>
    public int? Implemented { get; init; }
    /// <summary>When the completion was reported, for completed items.</summary>
    public int DoneDaysAgo { get; init; } = 30;
    public int LastReportDaysAgo { get; init; } = 5;
    public decimal? QuantityTarget { get; init; }
    public decimal? QuantityDone { get; init; }
    public string? QuantityUnit { get; init; }
    public int ApprovedSteps { get; init; }
    public DemoReturn? Return { get; init; }
    public DemoExtension? Extension { get; init; }
    public DemoRecurrence? Recurrence { get; init; }
}

internal sealed class DemoInspection
{
    public required InspectionKind Kind { get; init; }
    public required InspectionLevel Level { get; init; }
    /// <summary>May hold {0}: the feedback year.</summary>
    public required string Title { get; init; }
    public int? Round { get; init; }
    public int? Batch { get; init; }
    public string? Team { get; init; }
    public required int FeedbackDaysAgo { get; init; }
    public int? PlanDueInDays { get; init; }
    /// <summary>May hold {0}: the feedback year.</summary>
    public string? DocumentNumber { get; init; }
    public required string[] Steps { get; init; }
    /// <summary>Who decides at each step, aligned with <see cref="Steps"/>.</summary>
    public required string[] Reviewers { get; init; }
    /// <summary>Prefix of the document number the last step issues, e.g. 市整改办销.</summary>
    public required string SignOffDocument { get; init; }
    public required DemoItem[] Items { get; init; }
}
