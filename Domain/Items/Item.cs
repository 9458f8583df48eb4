using Rectify.Domain.Common;

namespace Rectify.Domain.Items;

public sealed record ItemUnit(Guid UnitId, UnitRole Role);

public sealed record Quantity(decimal? Target, decimal? Done, string? Unit);

public sealed record ExternalRef(string System, string Id);

/// <summary>
/// A feedback item (反馈问题 / 整改任务) and the aggregate of its measures, progress, sign-off, extensions and
/// recurrences: every change to any of them goes through here and moves the item's version on.
/// Progress, sign-off and recurrence are three separate facts, each with its own rules.
/// </summary>
public sealed class Item
{
    public Guid Id { get; init; }
    public Guid InspectionId { get; init; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Requirement { get; set; }
    public string? Target { get; set; }
    public ItemCategory Category { get; set; }
    public string? Area { get; set; }
    public string? Industry { get; set; }
    public string? Aspect { get; set; }
    public bool IsKey { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? ResponsiblePhone { get; set; }
    public Guid LeadUnitId => Units.Single(u => u.Role == UnitRole.Lead).UnitId;
    public IReadOnlyList<ItemUnit> Units { get; private set; } = [];
    public IReadOnlyList<DeadlineKind> DeadlineKinds { get; private set; } = [];
    public DateOnly? DueDate { get; private set; }
    public DateOnly? OriginalDueDate { get; private set; }
    public ProgressStatus ProgressStatus { get; private set; }
    public ScheduleStatus? ScheduleStatus { get; private set; }
    public SignOffStatus SignOffStatus { get; private set; }
    /// <summary>The index of the review step awaiting a decision while sign-off is requested.</summary>
    public int? SignOffStepIndex { get; private set; }
    public int SignOffRound { get; private set; }
    public decimal? QuantityTarget { get; set; }
    public decimal? QuantityDone { get; private set; }
    public string? QuantityUnit { get; set; }
    public string? Obstacles { get; private set; }
    public int RecurrenceCount { get; private set; }
    public IReadOnlyList<ExternalRef> ExternalRefs { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }
    public int Version { get; private set; } = 1;

    /// <summary>The review chain of the item's inspection, loaded with the item.</summary>
    public IReadOnlyList<string> SignOffSteps { get; set; } = [];

    /// <summary>The name of the step awaiting review while sign-off is requested.</summary>
    public string? SignOffStep => SignOffStepIndex is { } i && i < SignOffSteps.Count ? SignOffSteps[i] : null;

    /// <summary>The item's measures; loaded with the item for every change.</summary>
    public List<Measure> Measures { get; init; } = [];

    public bool IsCompleted => ProgressStatus == ProgressStatus.Completed;

    public static Item Create(Guid id, Guid inspectionId, string code, string title, ItemCategory category,
        IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> deadlineKinds, DateOnly? dueDate, DateTimeOffset now)
    {
        var item = new Item
        {
            Id = id, InspectionId = inspectionId, Code = code, Title = title, Category = category,
            CreatedAt = now, UpdatedAt = now,
        };
        item.AssignUnits(units);
        item.SetDeadline(deadlineKinds, dueDate);
        return item;
    }

    /// <summary>Rebuilds an item from storage; no rules are checked.</summary>
    public static Item Restore(Item stored, IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> deadlineKinds,
        DateOnly? dueDate, DateOnly? originalDueDate, ProgressStatus progress, ScheduleStatus? schedule,
        SignOffStatus signOff, int? signOffStepIndex, int signOffRound, decimal? quantityDone, string? obstacles,
        int recurrenceCount, DateTimeOffset updatedAt, DateTimeOffset? completedAt, DateTimeOffset? signedOffAt, int version)
    {
        stored.Units = units;
        stored.DeadlineKinds = deadlineKinds;
        stored.DueDate = dueDate;
        stored.OriginalDueDate = originalDueDate;
        stored.ProgressStatus = progress;
        stored.ScheduleStatus = schedule;
        stored.SignOffStatus = signOff;
        stored.SignOffStepIndex = signOffStepIndex;
        stored.SignOffRound = signOffRound;
        stored.QuantityDone = quantityDone;
        stored.Obstacles = obstacles;
        stored.RecurrenceCount = recurrenceCount;
        stored.UpdatedAt = updatedAt;
        stored.CompletedAt = completedAt;
        stored.SignedOffAt = signedOffAt;
        stored.Version = version;
        return stored;
    }

    /// <summary>Exactly one lead unit (牵头单位); any number of others, each unit once.</summary>
    public void AssignUnits(IReadOnlyList<ItemUnit> units)
    {
        if (units.Count(u => u.Role == UnitRole.Lead) != 1)
            throw new DomainRuleException("one_lead_unit", "An item has exactly one lead unit.");
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count)
            throw new DomainRuleException("unit_assigned_twice", "A unit can hold only one role on an item.");
        Units = InCanonicalOrder(units);
    }

    /// <summary>Lead first, then by role and id: the same set of units always reads the same way.</summary>
    public static IReadOnlyList<ItemUnit> InCanonicalOrder(IEnumerable<ItemUnit> units) =>
        units.OrderBy(u => u.Role).ThenBy(u => u.UnitId).ToList();

    /// <summary>
    /// The deadline is a set of kinds plus a due date; by_date needs the date. The first due date an item gets
    /// is kept as its original one, whatever moves the current date later.
    /// </summary>
    public void SetDeadline(IReadOnlyList<DeadlineKind> kinds, DateOnly? dueDate)
    {
        if (kinds.Count == 0)
            throw new DomainRuleException("deadline_kinds", "An item needs at least one deadline kind.");
        if (kinds.Contains(DeadlineKind.ByDate) && dueDate is null)
            throw new DomainRuleException("due_date_required", "A by_date (限期整改) item needs a due date.");
        DeadlineKinds = kinds.Distinct().Order().ToList();
        DueDate = dueDate;
        OriginalDueDate ??= dueDate;
    }

    public Measure AddMeasure(Guid id, string description, Guid? unitId, DateOnly? dueDate, DateTimeOffset now)
    {
        EnsureOpen("add measures to");
        var measure = new Measure
        {
            Id = id, ItemId = Id, Description = description, UnitId = unitId, DueDate = dueDate,
            CreatedAt = now, UpdatedAt = now,
        };
        Measures.Add(measure);
        return measure;
    }

    /// <summary>A completed item has all its measures implemented; taking one back would contradict that.</summary>
    public void SetMeasureImplemented(Measure measure, bool implemented, DateOnly? implementedOn, DateOnly today, DateTimeOffset now)
    {
        if (!implemented && measure.Implemented && IsCompleted)
            throw new DomainRuleException("item_completed",
                $"Item '{Code}' is completed; a measure cannot be marked unimplemented unless a recurrence reopens the item.");
        measure.SetImplemented(implemented, implemented ? implementedOn ?? today : null, now);
    }

    /// <summary>
    /// Applies a progress report. Progress only moves forward (a recurrence is what reopens an item), reaching
    /// completed needs every measure implemented, and a signed-off or in-review item takes no change of status.
    /// </summary>
    public void ReportProgress(ProgressStatus status, ScheduleStatus? schedule, decimal? quantityDone, string? obstacles,
        DateTimeOffset now)
    {
        if (SignOffStatus == SignOffStatus.SignedOff)
            throw new DomainRuleException("signed_off",
                $"Item '{Code}' is signed off; record a recurrence to reopen it.");
        if (SignOffStatus == SignOffStatus.Requested)
            throw new DomainRuleException("sign_off_pending",
                $"Item '{Code}' is under sign-off review; what was submitted stays as it is until the review returns it.");
        if (status < ProgressStatus)
            throw new DomainRuleException("progress_backwards",
                $"Progress of item '{Code}' cannot move back from {Words.Of(ProgressStatus)} to {Words.Of(status)}; a recurrence reopens an item.");
        if (status == ProgressStatus.Completed)
            EnsureMeasuresImplemented();

        if (status == ProgressStatus.Completed && !IsCompleted)
            CompletedAt = now;
        ProgressStatus = status;
        ScheduleStatus = schedule;
        if (quantityDone is not null)
            QuantityDone = quantityDone;
        Obstacles = obstacles;
    }

    public void EnsureMeasuresImplemented()
    {
        var open = Measures.Where(m => !m.Implemented).ToList();
        if (open.Count > 0)
            throw new DomainRuleException("measures_unimplemented",
                $"Item '{Code}' cannot be completed: {open.Count} measure(s) are not implemented: " +
                string.Join("; ", open.Select(m => m.Description)),
                new Dictionary<string, object?>
                {
                    ["unimplementedMeasures"] = open.Select(m => new { m.Id, m.Description }).ToList(),
                });
    }

    /// <summary>申请销号: only a completed item, and not while a request is under review or after sign-off.</summary>
    public void RequestSignOff()
    {
        if (!IsCompleted)
            throw new DomainRuleException("not_completed",
                $"Item '{Code}' is {Words.Of(ProgressStatus)}; sign-off can be requested only once it is completed.");
        if (SignOffStatus == SignOffStatus.Requested)
            throw new DomainRuleException("sign_off_pending", $"Item '{Code}' already has a sign-off request under review.");
        if (SignOffStatus == SignOffStatus.SignedOff)
            throw new DomainRuleException("signed_off", $"Item '{Code}' is already signed off.");
        SignOffStatus = SignOffStatus.Requested;
        SignOffStepIndex = 0;
        SignOffRound++;
    }

    /// <summary>Approves the step under review; the last step signs the item off. Returns the step approved.</summary>
    public int ApproveSignOffStep(DateTimeOffset now)
    {
        var step = PendingStep();
        if (step + 1 >= SignOffSteps.Count)
        {
            SignOffStatus = SignOffStatus.SignedOff;
            SignOffStepIndex = null;
            SignedOffAt = now;
        }
        else
        {
            SignOffStepIndex = step + 1;
        }
        return step;
    }

    /// <summary>退回: the request goes back to the unit, which can request again. Returns the step that returned it.</summary>
    public int ReturnSignOff()
    {
        var step = PendingStep();
        SignOffStatus = SignOffStatus.Returned;
        SignOffStepIndex = null;
        return step;
    }

    /// <summary>延期: asked before the deadline passes, for a later date, one at a time, on an open item.</summary>
    public void EnsureCanRequestExtension(DateOnly requestedDueDate, DateOnly today, bool hasPendingExtension)
    {
        EnsureOpen("extend");
        if (hasPendingExtension)
            throw new DomainRuleException("extension_pending", $"Item '{Code}' already has an extension request awaiting a decision.");
        if (DueDate is not { } due)
            throw new DomainRuleException("no_due_date", $"Item '{Code}' has no due date to extend.");
        if (today > due)
            throw new DomainRuleException("deadline_passed",
                $"The deadline of item '{Code}' ({due:yyyy-MM-dd}) has passed; an extension must be requested before it.");
        if (requestedDueDate <= due)
            throw new DomainRuleException("extension_not_later",
                $"The requested date must be after the current due date {due:yyyy-MM-dd}.");
    }

    /// <summary>
    /// An approved extension moves the due date; the original one stays for on-time statistics. The item must still
    /// be open and the date still later than the current one, which may have moved since the request.
    /// </summary>
    public void ApplyExtension(Extension extension)
    {
        EnsureOpen("extend");
        if (DueDate is { } due && extension.RequestedDueDate <= due)
            throw new DomainRuleException("extension_not_later",
                $"The requested date {extension.RequestedDueDate:yyyy-MM-dd} is no longer after the due date {due:yyyy-MM-dd}.");
        var kinds = DeadlineKinds.Contains(DeadlineKind.ByDate) ? DeadlineKinds : [.. DeadlineKinds, DeadlineKind.ByDate];
        SetDeadline(kinds, extension.RequestedDueDate);
    }

    /// <summary>
    /// 反弹: a completed or signed-off item found again. It reopens with a new due date; the earlier sign-off trail
    /// stays where it is.
    /// </summary>
    public void Reopen(DateOnly newDueDate)
    {
        if (!IsCompleted)
            throw new DomainRuleException("not_completed",
                $"Item '{Code}' is {Words.Of(ProgressStatus)}; a recurrence is recorded on a completed or signed-off item.");
        ProgressStatus = ProgressStatus.InProgress;
        SignOffStatus = SignOffStatus.None;
        SignOffStepIndex = null;
        CompletedAt = null;
        SignedOffAt = null;
        RecurrenceCount++;
        var kinds = DeadlineKinds.Contains(DeadlineKind.ByDate) ? DeadlineKinds : [.. DeadlineKinds, DeadlineKind.ByDate];
        SetDeadline(kinds, newDueDate);
    }

    /// <summary>
    /// While sign-off is under review, or after it, the item's content is what was signed: it cannot be edited
    /// (a return, or a recurrence, opens it again).
    /// </summary>
    public void EnsureEditable()
    {
        if (SignOffStatus is SignOffStatus.Requested or SignOffStatus.SignedOff)
            throw new DomainRuleException(SignOffStatus == SignOffStatus.Requested ? "sign_off_pending" : "signed_off",
                $"Item '{Code}' is {(SignOffStatus == SignOffStatus.Requested ? "under sign-off review" : "signed off")}; " +
                "what was submitted cannot change.");
    }

    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    private int PendingStep() =>
        SignOffStatus == SignOffStatus.Requested && SignOffStepIndex is { } step
            ? step
            : throw new DomainRuleException("no_pending_sign_off",
                $"Item '{Code}' has no sign-off request awaiting review (it is {Words.Of(SignOffStatus)}).");

    private void EnsureOpen(string action)
    {
        if (IsCompleted)
            throw new DomainRuleException("item_completed",
                $"Item '{Code}' is completed; cannot {action} it unless a recurrence reopens it.");
    }
}
