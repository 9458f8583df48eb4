namespace Rectify.Application.Statistics;

/// <summary>
/// Counts the figures in the database, one row per group: the cost of a request grows with the number of items the
/// database scans, its memory with the number of groups. Both reads apply the same filters and the same unit-bound
/// key scope as the item list.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>The figures of the whole filtered set.</summary>
    Task<StatisticsCounts> CountAsync(StatisticsCriteria criteria, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of each group holding at least one item of the filtered set, in no particular order. With
    /// <paramref name="rollUp"/> (groupBy=unit only) a unit counts the items held at or below it, each once.
    /// </summary>
    Task<IReadOnlyList<CountedGroup>> CountGroupsAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy, bool rollUp,
        DateOnly asOf, CancellationToken cancellationToken);
}

/// <summary>
/// The item filters. <see cref="UnitPattern"/> (a unit's path plus '%') widens <see cref="UnitId"/> to the units
/// below it; <see cref="ScopePattern"/> is the unit-bound key's scope, null for an unbound key.
/// </summary>
public sealed record StatisticsCriteria(Guid? InspectionId, Guid? UnitId, string? UnitPattern, string? ScopePattern);

/// <param name="Key">The inspection or unit id, or the category or progress status in snake_case.</param>
/// <param name="Label">The inspection title or unit name; the key again for category and status.</param>
/// <param name="UnitPath">The unit's path for groupBy=unit, null otherwise.</param>
public sealed record CountedGroup(string Key, string Label, string? UnitPath, StatisticsCounts Counts);
