using Rectify.Domain.Common;

namespace Rectify.Domain.Items;

public sealed record ItemUnit(Guid UnitId, UnitRole Role);

public sealed record Quantity(decimal? Target, decimal? Done, string? Unit)
{
    /// <summary>No quantity at all when none of its parts is set.</summary>
    public static Quantity? Of(decimal? target, decimal? done, string? unit) =>
        target is null && done is null && unit is null ? null : new Quantity(target, done, unit);
}

public sealed record ExternalRef(string System, string Id);

public sealed record MeasureCounts(int Total, int Implemented)
{
    public static MeasureCounts Of(IReadOnlyCollection<Measure> measures) =>
        new(measures.Count, measures.Count(m => m.Implemented));
}

/// <summary>The item's own descriptive fields: what an edit (or an import) writes in one go.</summary>
public sealed record ItemContent(
    string Code,
    string Title,
    string? Description,
    string? Requirement,
    string? Target,
    ItemCategory Category,
    string? Area,
    string? Industry,
    string? Aspect,
    bool IsKey,
    string? ResponsiblePerson,
    string? ResponsiblePhone,
    decimal? QuantityTarget,
    string? QuantityUnit,
    IReadOnlyList<ExternalRef> ExternalRefs)
{
    public bool SameAs(ItemContent other) =>
        this with { ExternalRefs = other.ExternalRefs } == other && ExternalRefs.SequenceEqual(other.ExternalRefs);
}

/// <summary>
/// A feedback item (反馈问题 / 整改任务) and the aggregate of its measures, progress, sign-off, extensions and
/// recurrences: every change to any of them goes through a method here, which checks the rule and records what
/// happened. Progress, sign-off and recurrence are three separate facts, each with its own rules.
/// </summary>
public sealed class Item : AggregateRoot
{
    private readonly List<Measure> _measures = [];
    private readonly List<Extension> _extensions = [];

    private Item(Guid id, Guid inspectionId, ItemContent content, IReadOnlyList<string> signOffSteps, DateTimeOffset createdAt)
    {
        Id = id;
        InspectionId = inspectionId;
        Content = content;
        SignOffSteps = signOffSteps;
        CreatedAt = createdAt;
    }

    public Guid InspectionId { get; }
    public ItemContent Content { get; private set; }
    public string Code => Content.Code;
    public string Title => Content.Title;
    public string? Description => Content.Description;
    public string? Requirement => Content.Requirement;
    public string? Target => Content.Target;
    public ItemCategory Category => Content.Category;
    public string? Area => Content.Area;
    public string? Industry => Content.Industry;
    public string? Aspect => Content.Aspect;
    public bool IsKey => Content.IsKey;
    public string? ResponsiblePerson => Content.ResponsiblePerson;
    public string? ResponsiblePhone => Content.ResponsiblePhone;
    public decimal? QuantityTarget => Content.QuantityTarget;
    public string? QuantityUnit => Content.QuantityUnit;
    public IReadOnlyList<ExternalRef> ExternalRefs => Content.ExternalRefs;
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
    public decimal? QuantityDone { get; private set; }
    public string? Obstacles { get; private set; }
    public int RecurrenceCount { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? SignedOffAt { get; private set; }

    /// <summary>The review chain of the item's inspection, loaded with the item.</summary>
    public IReadOnlyList<string> SignOffSteps { get; }

    /// <summary>The name of the step awaiting review while sign-off is requested.</summary>
    public string? SignOffStep => StepName(SignOffSteps, SignOffStepIndex);

    public static string? StepName(IReadOnlyList<string> steps, int? index) =>
        index is { } i && i < steps.Count ? steps[i] : null;

    public IReadOnlyList<Measure> Measures => _measures;

    /// <summary>Every extension request of the item, decided or not.</summary>
    public IReadOnlyList<Extension> Extensions => _extensions;

    /// <summary>The date of the latest progress report; a report dated before it is kept but changes nothing.</summary>
    public DateOnly? LatestReportedOn { get; private set; }

    /// <summary>The sign-off request under review, if any.</summary>
    public SignOffRequest? OpenSignOffRequest { get; private set; }

    public bool IsCompleted => ProgressStatus == ProgressStatus.Completed;

    public Quantity? Quantity => Quantity.Of(QuantityTarget, QuantityDone, QuantityUnit);

    public static Item Create(Guid id, Guid inspectionId, IReadOnlyList<string> signOffSteps, ItemContent content,
        IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> deadlineKinds, DateOnly? dueDate, DateTimeOffset now)
    {
        var item = new Item(id, inspectionId, content, signOffSteps, now);
        item.Units = CheckedUnits(units);
        item.SetDeadline(deadlineKinds, dueDate);
        item.Created(now);
        item.Record(new ItemCreated());
        return item;
    }

    /// <summary>Rebuilds an item from storage; no rules are checked and nothing is recorded.</summary>
    public static Item Restore(Guid id, Guid inspectionId, ItemContent content, IReadOnlyList<string> signOffSteps,
        IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> deadlineKinds, DateOnly? dueDate, DateOnly? originalDueDate,
        ProgressStatus progress, ScheduleStatus? schedule, SignOffStatus signOff, int? signOffStepIndex, int signOffRound,
        decimal? quantityDone, string? obstacles, int recurrenceCount, DateTimeOffset createdAt, DateTimeOffset updatedAt,
        DateTimeOffset? completedAt, DateTimeOffset? signedOffAt, int version, IReadOnlyList<Measure> measures,
        DateOnly? latestReportedOn, SignOffRequest? openSignOffRequest, IReadOnlyList<Extension> extensions)
    {
        var item = new Item(id, inspectionId, content, signOffSteps, createdAt)
        {
            Units = units, DeadlineKinds = deadlineKinds, DueDate = dueDate, OriginalDueDate = originalDueDate,
            ProgressStatus = progress, ScheduleStatus = schedule, SignOffStatus = signOff,
            SignOffStepIndex = signOffStepIndex, SignOffRound = signOffRound, QuantityDone = quantityDone,
            Obstacles = obstacles, RecurrenceCount = recurrenceCount, CompletedAt = completedAt, SignedOffAt = signedOffAt,
            LatestReportedOn = latestReportedOn, OpenSignOffRequest = openSignOffRequest,
        };
        item._measures.AddRange(measures);
        item._extensions.AddRange(extensions);
        item.Restored(version, updatedAt);
        return item;
    }

    protected override IEnumerable<KeyValuePair<string, object?>> AuditedFields() =>
    [
        new("code", Code),
        new("title", Title),
        new("description", Description),
        new("requirement", Requirement),
        new("target", Target),
        new("category", Category),
        new("area", Area),
        new("industry", Industry),
        new("aspect", Aspect),
        new("isKey", IsKey),
        new("leadUnitId", LeadUnitId),
        new("units", string.Join(", ", Units.Where(u => u.Role != UnitRole.Lead).Select(u => $"{u.UnitId}:{Words.Of(u.Role)}"))),
        new("responsiblePerson", ResponsiblePerson),
        new("responsiblePhone", ResponsiblePhone),
        new("deadlineKinds", string.Join(", ", DeadlineKinds.Select(Words.Of))),
        new("dueDate", DueDate),
        new("progressStatus", ProgressStatus),
        new("scheduleStatus", ScheduleStatus),
        new("signOffStatus", SignOffStatus),
        new("signOffStep", SignOffStep),
        new("quantity", Quantity),
        new("obstacles", Obstacles),
        new("recurrenceCount", RecurrenceCount),
        new("externalRefs", string.Join(", ", ExternalRefs.Select(r => $"{r.System}/{r.Id}"))),
        new("measures", MeasureCounts.Of(_measures)),
    ];

    /// <summary>Lead first, then by role and id: the same set of units always reads the same way.</summary>
    public static IReadOnlyList<ItemUnit> InCanonicalOrder(IEnumerable<ItemUnit> units) =>
        units.OrderBy(u => u.Role).ThenBy(u => u.UnitId).ToList();

    /// <summary>
    /// Edits the item's content and deadline. Nothing happens when nothing differs; otherwise the item must still be
    /// editable (not under review or signed off).
    /// </summary>
    public void Edit(ItemContent content, IReadOnlyList<DeadlineKind> deadlineKinds, DateOnly? dueDate)
    {
        if (content.SameAs(Content) && NormalKinds(deadlineKinds).SequenceEqual(DeadlineKinds) && dueDate == DueDate)
            return;
        EnsureEditable();
        SetDeadline(deadlineKinds, dueDate);
        Content = content;
        Record(new ItemEdited());
    }

    /// <summary>Exactly one lead unit (牵头单位); any number of others, each unit once.</summary>
    public void ReassignUnits(IReadOnlyList<ItemUnit> units)
    {
        var assigned = CheckedUnits(units);
        if (assigned.SequenceEqual(Units))
            return;
        EnsureEditable();
        Units = assigned;
        Record(new UnitsReassigned(LeadUnitId, assigned));
    }

    public Measure AddMeasure(Guid id, string description, Guid? unitId, DateOnly? dueDate, DateTimeOffset now)
    {
        EnsureOpen("add measures to");
        var measure = Measure.Create(id, Id, description, unitId, dueDate, now);
        _measures.Add(measure);
        Record(new MeasureAdded(measure, measure.AuditedFields().Select(f => new FieldChange(f.Key, null, f.Value))
            .Where(c => c.New is not null).ToList()));
        return measure;
    }

    /// <summary>Edits a measure's text, unit or due date; nothing happens when nothing differs.</summary>
    public void EditMeasure(Guid measureId, string description, Guid? unitId, DateOnly? dueDate, DateTimeOffset now)
    {
        var measure = MeasureById(measureId);
        if (measure.Description == description && measure.UnitId == unitId && measure.DueDate == dueDate)
            return;
        EnsureEditable();
        var before = measure.AuditedFields().ToList();
        measure.Edit(description, unitId, dueDate, now);
        Record(new MeasureChanged(measure, MeasureChanges(before, measure)));
    }

    /// <summary>A completed item has all its measures implemented; taking one back would contradict that.</summary>
    public void SetMeasureImplemented(Guid measureId, bool implemented, DateOnly? implementedOn, DateOnly today, DateTimeOffset now)
    {
        var measure = MeasureById(measureId);
        DateOnly? on = implemented ? implementedOn ?? today : null;
        if (measure.Implemented == implemented && measure.ImplementedOn == on)
            return;
        if (!implemented && measure.Implemented && IsCompleted)
            throw new DomainRuleException("item_completed",
                $"Item '{Code}' is completed; a measure cannot be marked unimplemented unless a recurrence reopens the item.");
        EnsureEditable();
        var before = measure.AuditedFields().ToList();
        var implementedNow = implemented && !measure.Implemented;
        measure.SetImplemented(implemented, on, now);
        var changes = MeasureChanges(before, measure);
        Record(implementedNow ? new MeasureImplemented(measure, changes) : new MeasureChanged(measure, changes));
    }

    /// <summary>
    /// Files a progress report. The latest report by date drives the item: progress only moves forward (a recurrence
    /// is what reopens an item), reaching completed needs every measure implemented, and a signed-off or in-review
    /// item takes no change of status. A report dated before the latest one is kept but changes nothing.
    /// </summary>
    public ProgressReport ReportProgress(Guid reportId, DateOnly reportedOn, string summary, ProgressStatus status,
        ScheduleStatus? schedule, decimal? quantityDone, string? obstacles, IReadOnlyList<Evidence> evidence,
        string reportedBy, DateTimeOffset now)
    {
        var report = new ProgressReport(reportId, Id, reportedOn, summary, status, schedule, quantityDone, obstacles,
            evidence, reportedBy, now);
        var applies = LatestReportedOn is not { } latest || reportedOn >= latest;
        var completesNow = applies && status == ProgressStatus.Completed && !IsCompleted;
        if (applies)
            ApplyProgress(status, schedule, quantityDone, obstacles, now);
        if (LatestReportedOn is null || reportedOn > LatestReportedOn)
            LatestReportedOn = reportedOn;
        Record(new ProgressReported(report, applies));
        if (completesNow)
            Record(new ItemCompleted(now));
        return report;
    }

    private void ApplyProgress(ProgressStatus status, ScheduleStatus? schedule, decimal? quantityDone, string? obstacles,
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

    private void EnsureMeasuresImplemented()
    {
        var open = _measures.Where(m => !m.Implemented).ToList();
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
    public SignOffRequest RequestSignOff(Guid requestId, string summary, IReadOnlyList<Evidence> evidence, string requestedBy,
        Guid? requestedByClientId, DateTimeOffset now)
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
        var request = new SignOffRequest(requestId, Id, SignOffRound, summary, evidence, SignOffRequestStatus.Pending,
            requestedBy, requestedByClientId, now, null);
        OpenSignOffRequest = request;
        Record(new SignOffRequested(request));
        return request;
    }

    /// <summary>
    /// 通过: approves the named step, which must be the one under review; the review is bound to the version the
    /// reviewer saw, and the last step signs the item off.
    /// </summary>
    public SignOffReview ApproveSignOffStep(Guid reviewId, string stepName, string reviewerName, string? comment,
        string? documentNumber, string reviewedBy, DateTimeOffset now)
    {
        var (step, request) = PendingReview(stepName);
        var review = new SignOffReview(reviewId, request.Id, Id, step, SignOffSteps[step], ReviewDecision.Approved,
            reviewerName, comment, documentNumber, Version, reviewedBy, now);
        if (step + 1 < SignOffSteps.Count)
        {
            SignOffStepIndex = step + 1;
            Record(new SignOffStepApproved(review, null));
            return review;
        }
        SignOffStatus = SignOffStatus.SignedOff;
        SignOffStepIndex = null;
        SignedOffAt = now;
        var closed = CloseRequest(SignOffRequestStatus.Approved, now);
        Record(new SignOffStepApproved(review, closed));
        Record(new ItemSignedOff(closed, now));
        return review;
    }

    /// <summary>退回: the request goes back to the unit, which can request again.</summary>
    public SignOffReview ReturnSignOff(Guid reviewId, string stepName, string reviewerName, string reason, string reviewedBy,
        DateTimeOffset now)
    {
        var (step, request) = PendingReview(stepName);
        var review = new SignOffReview(reviewId, request.Id, Id, step, SignOffSteps[step], ReviewDecision.Returned,
            reviewerName, reason, null, Version, reviewedBy, now);
        SignOffStatus = SignOffStatus.Returned;
        SignOffStepIndex = null;
        Record(new SignOffReturned(review, CloseRequest(SignOffRequestStatus.Returned, now)));
        return review;
    }

    /// <summary>延期: asked before the deadline passes, for a later date, one at a time, on an open item.</summary>
    public Extension RequestExtension(Guid extensionId, DateOnly requestedDueDate, string reason, string requestedBy,
        Guid? requestedByClientId, DateOnly today, DateTimeOffset now)
    {
        EnsureOpen("extend");
        if (_extensions.Any(e => e.Status == ExtensionStatus.Pending))
            throw new DomainRuleException("extension_pending", $"Item '{Code}' already has an extension request awaiting a decision.");
        if (DueDate is not { } due)
            throw new DomainRuleException("no_due_date", $"Item '{Code}' has no due date to extend.");
        if (today > due)
            throw new DomainRuleException("deadline_passed",
                $"The deadline of item '{Code}' ({due:yyyy-MM-dd}) has passed; an extension must be requested before it.");
        if (requestedDueDate <= due)
            throw new DomainRuleException("extension_not_later",
                $"The requested date must be after the current due date {due:yyyy-MM-dd}.");
        var extension = Extension.Request(extensionId, Id, requestedDueDate, DueDate, reason, requestedBy, requestedByClientId, now);
        _extensions.Add(extension);
        Record(new ExtensionRequested(extension));
        return extension;
    }

    /// <summary>
    /// The office decides a pending extension once. An approval moves the due date (the original one stays for
    /// on-time statistics); the item must still be open and the date still later than the current one, which may
    /// have moved since the request.
    /// </summary>
    public void DecideExtension(Extension extension, ExtensionStatus decision, string reviewerName, string? comment,
        DateTimeOffset now)
    {
        if (!_extensions.Contains(extension))
            throw new ArgumentException("The extension belongs to another item.", nameof(extension));
        if (decision == ExtensionStatus.Rejected)
        {
            extension.Decide(decision, reviewerName, comment, now);
            Record(new ExtensionRejected(extension));
            return;
        }
        if (extension.Status == ExtensionStatus.Pending)
        {
            EnsureOpen("extend");
            if (DueDate is { } due && extension.RequestedDueDate <= due)
                throw new DomainRuleException("extension_not_later",
                    $"The requested date {extension.RequestedDueDate:yyyy-MM-dd} is no longer after the due date {due:yyyy-MM-dd}.");
        }
        extension.Decide(decision, reviewerName, comment, now);
        SetDeadline(WithByDate(), extension.RequestedDueDate);
        Record(new ExtensionApproved(extension));
    }

    /// <summary>
    /// 反弹: a completed or signed-off item found again. It reopens with a new due date; a request under review is
    /// closed as returned, and the earlier sign-off trail stays where it is.
    /// </summary>
    public Recurrence RecordRecurrence(Guid recurrenceId, DateOnly detectedOn, string detectedBy, string description,
        DateOnly newDueDate, string recordedBy, DateTimeOffset now)
    {
        if (!IsCompleted)
            throw new DomainRuleException("not_completed",
                $"Item '{Code}' is {Words.Of(ProgressStatus)}; a recurrence is recorded on a completed or signed-off item.");
        var recurrence = new Recurrence(recurrenceId, Id, detectedOn, detectedBy, description, newDueDate, SignOffStatus,
            recordedBy, now);
        var closed = OpenSignOffRequest is null ? null : CloseRequest(SignOffRequestStatus.Returned, now);
        ProgressStatus = ProgressStatus.InProgress;
        SignOffStatus = SignOffStatus.None;
        SignOffStepIndex = null;
        CompletedAt = null;
        SignedOffAt = null;
        RecurrenceCount++;
        SetDeadline(WithByDate(), newDueDate);
        Record(new ItemRecurred(recurrence, closed));
        return recurrence;
    }

    /// <summary>
    /// While sign-off is under review, or after it, the item's content is what was signed: it cannot be edited
    /// (a return, or a recurrence, opens it again).
    /// </summary>
    private void EnsureEditable()
    {
        if (SignOffStatus is SignOffStatus.Requested or SignOffStatus.SignedOff)
            throw new DomainRuleException(SignOffStatus == SignOffStatus.Requested ? "sign_off_pending" : "signed_off",
                $"Item '{Code}' is {(SignOffStatus == SignOffStatus.Requested ? "under sign-off review" : "signed off")}; " +
                "what was submitted cannot change.");
    }

    private static IReadOnlyList<ItemUnit> CheckedUnits(IReadOnlyList<ItemUnit> units)
    {
        if (units.Count(u => u.Role == UnitRole.Lead) != 1)
            throw new DomainRuleException("one_lead_unit", "An item has exactly one lead unit.");
        if (units.Select(u => u.UnitId).Distinct().Count() != units.Count)
            throw new DomainRuleException("unit_assigned_twice", "A unit can hold only one role on an item.");
        return InCanonicalOrder(units);
    }

    /// <summary>
    /// The deadline is a set of kinds plus a due date; by_date needs the date. The first due date an item gets
    /// is kept as its original one, whatever moves the current date later.
    /// </summary>
    private void SetDeadline(IReadOnlyList<DeadlineKind> kinds, DateOnly? dueDate)
    {
        if (kinds.Count == 0)
            throw new DomainRuleException("deadline_kinds", "An item needs at least one deadline kind.");
        if (kinds.Contains(DeadlineKind.ByDate) && dueDate is null)
            throw new DomainRuleException("due_date_required", "A by_date (限期整改) item needs a due date.");
        DeadlineKinds = NormalKinds(kinds);
        DueDate = dueDate;
        OriginalDueDate ??= dueDate;
    }

    private static List<DeadlineKind> NormalKinds(IEnumerable<DeadlineKind> kinds) => kinds.Distinct().Order().ToList();

    private IReadOnlyList<DeadlineKind> WithByDate() =>
        DeadlineKinds.Contains(DeadlineKind.ByDate) ? DeadlineKinds : [.. DeadlineKinds, DeadlineKind.ByDate];

    private Measure MeasureById(Guid measureId) =>
        _measures.SingleOrDefault(m => m.Id == measureId)
        ?? throw new ArgumentException($"Measure {measureId} is not one of item {Id}'s.", nameof(measureId));

    /// <summary>The measure's id, then each of its fields that changed.</summary>
    private static IReadOnlyList<FieldChange> MeasureChanges(IReadOnlyList<KeyValuePair<string, object?>> before, Measure after)
    {
        var changes = new List<FieldChange> { new("measure.id", null, after.Id) };
        var now = after.AuditedFields().ToList();
        for (var i = 0; i < now.Count; i++)
            if (!Equals(before[i].Value, now[i].Value))
                changes.Add(new FieldChange(now[i].Key, before[i].Value, now[i].Value));
        return changes;
    }

    /// <summary>
    /// The step under review, when it is the one the reviewer names. A retried or concurrent decision names a step
    /// that was decided already: it is refused, never applied to the next step.
    /// </summary>
    private (int Step, SignOffRequest Request) PendingReview(string stepName)
    {
        if (SignOffStatus == SignOffStatus.Requested && SignOffStepIndex is { } step && step < SignOffSteps.Count &&
            OpenSignOffRequest is { } request)
        {
            if (SignOffSteps[step] == stepName)
                return (step, request);
            if (SignOffSteps.Take(step).Contains(stepName))
                throw StepAlreadyDecided(stepName);
            throw new DomainRuleException("step_mismatch",
                $"Item '{Code}' awaits the decision of step '{SignOffSteps[step]}', not '{stepName}'.",
                new Dictionary<string, object?> { ["pendingStep"] = SignOffSteps[step] });
        }
        if (SignOffStatus is SignOffStatus.SignedOff or SignOffStatus.Returned && SignOffSteps.Contains(stepName))
            throw StepAlreadyDecided(stepName);
        throw new DomainRuleException("no_pending_sign_off",
            $"Item '{Code}' has no sign-off request awaiting review (it is {Words.Of(SignOffStatus)}).");
    }

    private DomainRuleException StepAlreadyDecided(string stepName) =>
        new("step_already_decided",
            $"Step '{stepName}' of item '{Code}' was already decided; the item is now {Words.Of(SignOffStatus)}" +
            (SignOffStep is { } pending ? $", awaiting '{pending}'." : "."),
            new Dictionary<string, object?> { ["pendingStep"] = SignOffStep });

    private SignOffRequest CloseRequest(SignOffRequestStatus status, DateTimeOffset now)
    {
        var closed = OpenSignOffRequest! with { Status = status, ClosedAt = now };
        OpenSignOffRequest = null;
        return closed;
    }

    private void EnsureOpen(string action)
    {
        if (IsCompleted)
            throw new DomainRuleException("item_completed",
                $"Item '{Code}' is completed; cannot {action} it unless a recurrence reopens it.");
    }
}
