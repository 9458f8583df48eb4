using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Application.Statistics;

/// <summary>
/// Reads the flat facts statistics are counted from. Counting happens in C#, so the SQL stays plain and portable;
/// both reads apply the same filters and the same unit-bound key scope as the item list.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>One row per item in the filtered set, with its measure counts.</summary>
    Task<IReadOnlyList<StatisticsItem>> ListItemsAsync(StatisticsCriteria criteria, CancellationToken cancellationToken);

    /// <summary>Every unit assignment (any role) of the items in the filtered set.</summary>
    Task<IReadOnlyList<StatisticsAssignment>> ListAssignmentsAsync(StatisticsCriteria criteria, CancellationToken cancellationToken);
}

/// <summary>
/// The item filters. <see cref="UnitPattern"/> (a unit's path plus '%') widens <see cref="UnitId"/> to the units
/// below it; <see cref="ScopePattern"/> is the unit-bound key's scope, null for an unbound key.
/// </summary>
public sealed record StatisticsCriteria(Guid? InspectionId, Guid? UnitId, string? UnitPattern, string? ScopePattern);

public sealed record StatisticsItem(
    Guid ItemId,
    Guid InspectionId,
    string InspectionTitle,
    InspectionKind InspectionKind,
    ItemCategory Category,
    string? Aspect,
    ProgressStatus ProgressStatus,
    SignOffStatus SignOffStatus,
    DateOnly? DueDate,
    DateOnly? OriginalDueDate,
    int RecurrenceCount,
    int MeasuresTotal,
    int MeasuresImplemented);

public sealed record StatisticsAssignment(Guid ItemId, Guid UnitId, UnitRole Role);
