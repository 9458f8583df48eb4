using Rectify.Application.Statistics;

namespace Rectify.Infrastructure.Persistence.Statistics;

internal sealed class StatisticsStore(DbSession db) : IStatisticsStore
{
    public async Task<StatisticsCounts> CountAsync(StatisticsCriteria criteria, DateOnly asOf, CancellationToken cancellationToken) =>
        (await db.QueryAsync<StatisticsCounts>(Statement(StatisticsGrouping.Total, criteria), Parameters(criteria, asOf),
            cancellationToken)).Single();

    public async Task<IReadOnlyList<CountedGroup>> CountGroupsAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy,
        DateOnly asOf, CancellationToken cancellationToken) => groupBy switch
    {
        StatisticsGroupBy.Inspection => await GroupsAsync<Guid>(StatisticsGrouping.Inspection, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Category => await GroupsAsync<string>(StatisticsGrouping.Category, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Status => await GroupsAsync<string>(StatisticsGrouping.Status, criteria, asOf, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Units are counted by holder sets."),
    };

    public async Task<IReadOnlyList<HolderSetCounts>> CountHolderSetsAsync(StatisticsCriteria criteria, DateOnly asOf,
        CancellationToken cancellationToken) =>
        (await db.QueryAsync<HolderSetRow>(Statement(StatisticsGrouping.HolderSets, criteria), Parameters(criteria, asOf),
            cancellationToken))
        .Select(r => new HolderSetCounts(
            r.Holders?.Split(',').Select(Guid.Parse).ToList() ?? [], r.Aspect, r))
        .ToList();

    private async Task<IReadOnlyList<CountedGroup>> GroupsAsync<TKey>(StatisticsGrouping grouping, StatisticsCriteria criteria,
        DateOnly asOf, CancellationToken cancellationToken) where TKey : notnull
    {
        var rows = await db.QueryAsync<GroupRow<TKey>>(Statement(grouping, criteria), Parameters(criteria, asOf), cancellationToken);
        return rows.Select(r => new CountedGroup(r.GroupKey.ToString()!, r.Label ?? r.GroupKey.ToString()!, r)).ToList();
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

    /// <summary>A group's figures with its key; the label is read for inspection groups.</summary>
    private sealed record GroupRow<TKey> : StatisticsCounts
    {
        public TKey GroupKey { get; init; } = default!;
        public string? Label { get; init; }
    }

    private sealed record HolderSetRow : StatisticsCounts
    {
        public string? Holders { get; init; }
        public string? Aspect { get; init; }
    }
}
