using Rectify.Application.Statistics;

namespace Rectify.Infrastructure.Persistence.Statistics;

internal sealed class StatisticsStore(DbSession db) : IStatisticsStore
{
    public async Task<StatisticsCounts> CountAsync(StatisticsCriteria criteria, DateOnly asOf, CancellationToken cancellationToken) =>
        (await db.QueryAsync<StatisticsCounts>(Statement(StatisticsGrouping.Total, criteria), Parameters(criteria, asOf),
            cancellationToken)).Single();

    public async Task<IReadOnlyList<CountedGroup>> CountGroupsAsync(StatisticsCriteria criteria, StatisticsGroupBy groupBy,
        bool rollUp, DateOnly asOf, CancellationToken cancellationToken) => groupBy switch
    {
        StatisticsGroupBy.Inspection => await GroupsAsync<Guid>(StatisticsGrouping.Inspection, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Category => await GroupsAsync<string>(StatisticsGrouping.Category, criteria, asOf, cancellationToken),
        StatisticsGroupBy.Status => await GroupsAsync<string>(StatisticsGrouping.Status, criteria, asOf, cancellationToken),
        _ => await GroupsAsync<Guid>(rollUp ? StatisticsGrouping.UnitRolledUp : StatisticsGrouping.Unit, criteria, asOf,
            cancellationToken),
    };

    private async Task<IReadOnlyList<CountedGroup>> GroupsAsync<TKey>(StatisticsGrouping grouping, StatisticsCriteria criteria,
        DateOnly asOf, CancellationToken cancellationToken) where TKey : notnull
    {
        var rows = await db.QueryAsync<GroupRow<TKey>>(Statement(grouping, criteria), Parameters(criteria, asOf), cancellationToken);
        return rows.Select(r => new CountedGroup(r.GroupKey.ToString()!, r.Label ?? r.GroupKey.ToString()!, r.UnitPath, r)).ToList();
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

    /// <summary>A group's figures with its key; the label and path are read for inspection and unit groups.</summary>
    private sealed record GroupRow<TKey> : StatisticsCounts
    {
        public TKey GroupKey { get; init; } = default!;
        public string? Label { get; init; }
        public string? UnitPath { get; init; }
    }
}
