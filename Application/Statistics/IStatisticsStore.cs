namespace Rectify.Application.Statistics;

/// <summary>
/// Counts the figures in the database. Each read returns one row per group and stored aspect, each filtered item in
/// exactly one row, so the rows add up to the groups and to the total (see <see cref="StatisticsTally"/>): the
/// cost of a request grows with the items the database scans, its memory with the rows. Both reads apply the same
/// filters and the same unit-bound key scope as the item list.
/// </summary>
public interface IStatisticsStore
{
    /// <summary>The rows by inspection, category or progress status (groupBy=unit is counted by holder sets).</summary>
    Task<IReadOnlyList<CountedRow>> CountAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy, DateOnly asOf,
        CancellationToken cancellationToken);

    /// <summary>
    /// The rows by the set of units holding the lead or responsible role: items held by the same units share a row,
    /// so there are as many rows as holder combinations (times aspects), not items.
    /// </summary>
    Task<IReadOnlyList<HolderSetRow>> CountHolderSetsAsync(StatisticsCriteria criteria, DateOnly asOf,
        CancellationToken cancellationToken);
}

/// <summary>
/// The item filters. <see cref="UnitPattern"/> (a unit's path plus '%') widens <see cref="UnitId"/> to the units
/// below it; <see cref="ScopePattern"/> is the unit-bound key's scope, null for an unbound key.
/// </summary>
public sealed record StatisticsCriteria(Guid? InspectionId, Guid? UnitId, string? UnitPattern, string? ScopePattern);

/// <param name="Key">The inspection id, or the category or progress status in snake_case.</param>
/// <param name="Label">The inspection title; the key again for category and status.</param>
/// <param name="Aspect">The items' aspect, trimmed; null when they have none.</param>
/// <param name="Counts">The figures of the row's items; <see cref="StatisticsCounts.Aspects"/> is left to the tally.</param>
public sealed record CountedRow(string Key, string Label, string? Aspect, StatisticsCounts Counts);

/// <param name="Holders">The units holding the lead or responsible role on each of the row's items.</param>
public sealed record HolderSetRow(IReadOnlyList<Guid> Holders, string? Aspect, StatisticsCounts Counts);
