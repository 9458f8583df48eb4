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
    /// The figures of each inspection, category or progress status holding at least one item of the filtered set, in
    /// no particular order. groupBy=unit is counted by <see cref="CountHolderSetsAsync"/>.
    /// </summary>
    Task<IReadOnlyList<CountedGroup>> CountGroupsAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy,
        DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of the filtered items grouped by the units holding the lead or responsible role and by aspect:
    /// each item in exactly one row. Items held by the same units share a row, so there are as many rows as holder
    /// combinations, not items; a unit's figures (rolled up or not) are the sum of the rows it is counted in.
    /// </summary>
    Task<IReadOnlyList<HolderSetCounts>> CountHolderSetsAsync(StatisticsCriteria criteria, DateOnly asOf,
        CancellationToken cancellationToken);
}

/// <summary>
/// The item filters. <see cref="UnitPattern"/> (a unit's path plus '%') widens <see cref="UnitId"/> to the units
/// below it; <see cref="ScopePattern"/> is the unit-bound key's scope, null for an unbound key.
/// </summary>
public sealed record StatisticsCriteria(Guid? InspectionId, Guid? UnitId, string? UnitPattern, string? ScopePattern);

/// <param name="Key">The inspection id, or the category or progress status in snake_case.</param>
/// <param name="Label">The inspection title; the key again for category and status.</param>
public sealed record CountedGroup(string Key, string Label, StatisticsCounts Counts);

/// <param name="Holders">The units holding the lead or responsible role on each of the items.</param>
/// <param name="Aspect">The items' aspect, trimmed; null when they have none.</param>
public sealed record HolderSetCounts(IReadOnlyList<Guid> Holders, string? Aspect, StatisticsCounts Counts);
