using Rectify.Application.Statistics;

namespace Rectify.Infrastructure.Persistence.Statistics;

internal sealed class StatisticsStore(DbSession db) : IStatisticsStore
{
    public async Task<IReadOnlyList<CountedRow>> CountAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy,
        DateOnly asOf, CancellationToken cancellationToken) => groupBy switch
    {
        StatisticsGroupBy.Inspection => await RowsAsync<Guid>(StatisticsGrouping.Inspection, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Category => await RowsAsync<string>(StatisticsGrouping.Category, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Status => await RowsAsync<string>(StatisticsGrouping.Status, criteria, asOf, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Units are counted by holder sets."),
    };

    public async Task<IReadOnlyList<HolderSetRow>> CountHolderSetsAsync(StatisticsCriteria criteria, DateOnly asOf,
        CancellationToken cancellationToken) =>
        (await db.QueryAsync<Row<string?>>(Statement(StatisticsGrouping.HolderSets, criteria), Parameters(criteria, asOf),
            cancellationToken))
        .Select(r => new HolderSetRow(HolderSet.Parse(r.GroupKey), r.Aspect, r))
        .ToList();

    private async Task<IReadOnlyList<CountedRow>> RowsAsync<TKey>(StatisticsGrouping grouping, StatisticsCriteria criteria,
        DateOnly asOf, CancellationToken cancellationToken) where TKey : notnull
    {
        var rows = await db.QueryAsync<Row<TKey>>(Statement(grouping, criteria), Parameters(criteria, asOf), cancellationToken);
        return rows.Select(r => new CountedRow(r.GroupKey.ToString()!, r.Label ?? r.GroupKey.ToString()!, r.Aspect, r)).ToList();
    }

    private string Statement(StatisticsGrouping grouping, StatisticsCriteria criteria)
    {
        var filters = StatisticsFilters.None;
        if (criteria.InspectionId is not null)
            filters |= StatisticsFilters.Inspection;
        if (criteria.UnitId is not null)
            filters |= criteria.UnitPattern is null ? StatisticsFilters.Unit : StatisticsFilters.UnitTree;
        if (criteria.ScopePattern is not null)
            filters |= StatisticsFilters.Scope;
        return db.Pick(StatisticsSql.Statements[(grouping, filters)]);
    }

    private static object Parameters(StatisticsCriteria criteria, DateOnly asOf) => new
    {
        criteria.InspectionId,
        criteria.UnitId,
        criteria.UnitPattern,
        criteria.ScopePattern,
        AsOf = asOf,
        YearEnd = new DateOnly(asOf.Year, 12, 31),
    };

    /// <summary>
    /// A row's figures with its key (null for items without holders) and aspect; the label is read for inspections.
    /// </summary>
    private sealed record Row<TKey> : StatisticsCounts
    {
        public TKey GroupKey { get; init; } = default!;
        public string? Aspect { get; init; }
        public string? Label { get; init; }
    }
}
