using Rectify.Application.Common;
using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

/// <summary>
/// An Items row joined with its inspection's sign-off chain: a command rebuilds the aggregate from it, a read maps it
/// straight to the response.
/// </summary>
internal sealed class ItemRow
{
    public long Seq { get; init; }
    public Guid Id { get; init; }
    public Guid InspectionId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public string? Requirement { get; init; }
    public string? Target { get; init; }
    public string Category { get; init; } = "";
    public string? Area { get; init; }
    public string? Industry { get; init; }
    public string? Aspect { get; init; }
    public bool IsKey { get; init; }
    public string? ResponsiblePerson { get; init; }
    public string? ResponsiblePhone { get; init; }
    public string DeadlineKinds { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public DateOnly? OriginalDueDate { get; init; }
    public string ProgressStatus { get; init; } = "";
    public string? ScheduleStatus { get; init; }
    public string SignOffStatus { get; init; } = "";
    public int? SignOffStepIndex { get; init; }
    public int SignOffRound { get; init; }
    public decimal? QuantityTarget { get; init; }
    public decimal? QuantityDone { get; init; }
    public string? QuantityUnit { get; init; }
    public string? Obstacles { get; init; }
    public int RecurrenceCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? SignedOffAt { get; init; }
    public int Version { get; init; }
    public int MeasuresTotal { get; init; }
    public int MeasuresImplemented { get; init; }
    public string SignOffSteps { get; init; } = "[]";
    public long ChangePosition { get; init; }

    /// <summary>The due date, or the date after every real one that sorts an item without one last (lists only).</summary>
    public DateOnly DueSortKey { get; init; }

    public DateOnly? LatestReportedOn { get; init; }

    private ProgressStatus Progress => EnumText<ProgressStatus>.Parse(ProgressStatus);

    private ScheduleStatus? Schedule => ScheduleStatus is null ? null : EnumText<ScheduleStatus>.Parse(ScheduleStatus);

    private List<DeadlineKind> Kinds =>
        DeadlineKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(EnumText<DeadlineKind>.Parse).ToList();

    public Item ToItem(IReadOnlyList<ItemUnit> units, IReadOnlyList<ExternalRef> refs, IReadOnlyList<Measure> measures,
        SignOffRequest? openRequest, IReadOnlyList<Extension> extensions) =>
        Item.Restore(Id, InspectionId,
            new ItemContent(Code, Title, Description, Requirement, Target, EnumText<ItemCategory>.Parse(Category), Area,
                Industry, Aspect, IsKey, ResponsiblePerson, ResponsiblePhone, QuantityTarget, QuantityUnit, refs),
            JsonColumn.Read<List<string>>(SignOffSteps), units, Kinds, DueDate, OriginalDueDate, Progress, Schedule,
            EnumText<SignOffStatus>.Parse(SignOffStatus), SignOffStepIndex, SignOffRound, QuantityDone, Obstacles,
            RecurrenceCount, CreatedAt, UpdatedAt, CompletedAt, SignedOffAt, Version, measures, LatestReportedOn,
            openRequest, extensions);

    /// <summary>The response GET gives, from the row and its children, with the deadline judged for <paramref name="today"/>.</summary>
    public ItemResponse ToResponse(IEnumerable<ItemUnit> units, IEnumerable<ExternalRef> refs, OfficeCalendar calendar,
        DateOnly today)
    {
        var assigned = Item.InCanonicalOrder(units);
        var progress = Progress;
        var schedule = Schedule;
        var deadline = calendar.Evaluate(DueDate, progress, schedule, today);
        var quantity = Quantity.Of(QuantityTarget, QuantityDone, QuantityUnit);
        return new ItemResponse(Id, InspectionId, Code, Title, Description, Requirement, Target,
            EnumText<ItemCategory>.Parse(Category), Area, Industry, Aspect, IsKey,
            assigned.Single(u => u.Role == UnitRole.Lead).UnitId,
            assigned.Where(u => u.Role != UnitRole.Lead).Select(u => new ItemUnitResponse(u.UnitId, u.Role)).ToList(),
            ResponsiblePerson, ResponsiblePhone, Kinds, DueDate, OriginalDueDate, progress, schedule,
            EnumText<SignOffStatus>.Parse(SignOffStatus), SignOffStepName(),
            quantity is null ? null : new QuantityResponse(quantity.Target, quantity.Done, quantity.Unit),
            Obstacles, RecurrenceCount,
            RefRow.Sorted(refs).Select(r => new ExternalRefResponse(r.System, r.Id)).ToList(),
            new MeasureCountsResponse(MeasuresTotal, MeasuresImplemented),
            deadline.IsOverdue, deadline.OverdueDays, deadline.DueInDays, deadline.WarningLevel,
            CreatedAt, UpdatedAt, CompletedAt, SignedOffAt, Version);
    }

    public SignOffState ToSignOffState()
    {
        var steps = JsonColumn.Read<List<string>>(SignOffSteps);
        return new SignOffState(Id, EnumText<SignOffStatus>.Parse(SignOffStatus), Item.StepName(steps, SignOffStepIndex),
            steps, SignedOffAt, Version);
    }

    /// <summary>The chain is parsed only while a step is pending, which is rare on a list page.</summary>
    private string? SignOffStepName() =>
        SignOffStepIndex is null ? null : Item.StepName(JsonColumn.Read<List<string>>(SignOffSteps), SignOffStepIndex);
}

internal sealed class UnitRow
{
    public Guid ItemId { get; init; }
    public Guid UnitId { get; init; }
    public string Role { get; init; } = "";

    public ItemUnit ToItemUnit() => new(UnitId, EnumText<UnitRole>.Parse(Role));
}

internal sealed class CodeRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
}

internal sealed class RefRow
{
    public Guid ItemId { get; init; }
    public string System { get; init; } = "";
    public string ExternalId { get; init; } = "";

    public ExternalRef ToRef() => new(System, ExternalId);

    public static List<ExternalRef> Sorted(IEnumerable<ExternalRef> refs) =>
        refs.OrderBy(x => x.System, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
}

internal sealed class MeasureRow
{
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    public string Description { get; init; } = "";
    public Guid? UnitId { get; init; }
    public DateOnly? DueDate { get; init; }
    public bool Implemented { get; init; }
    public DateOnly? ImplementedOn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public Measure ToMeasure() =>
        Measure.Restore(Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt);

    public MeasureResponse ToResponse() =>
        new(Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt);
}

/// <summary>A line of <see cref="ItemReadSql.LedgerOfItems"/>: a unit's name, a measure's text, a latest progress summary.</summary>
internal sealed class LedgerTextRow
{
    public Guid Id { get; init; }
    public string Text { get; init; } = "";
}
