using System.Data.Common;
using Dapper;
using Rectify.Application.Items;
using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Statistics;

namespace Rectify.Benchmarks.Bare;

/// <summary>
/// The reads of the bare baseline: the statements the API sends for each read, in the same order, taken from
/// Infrastructure's *Sql classes so the text cannot drift, with rows returned as Dapper reads them. UPDATE AFTER
/// CHANGING THE API'S READS: when the queries send other statements or a different number of them, this is the one
/// place that mirrors it.
/// </summary>
internal static class BareReads
{
    /// <summary>ItemQueries.FindAsync: the row and the children of its id, in one command.</summary>
    public static async Task<object?> ItemAsync(DbConnection connection, Guid id)
    {
        await using var results = await connection.QueryMultipleAsync(ItemReadSql.Find,
            new { Id = id, Ids = new[] { id.ToString("D") } });
        var item = await results.ReadSingleOrDefaultAsync();
        var children = await ChildrenAsync(results);
        return item is null ? null : new { item, children };
    }

    /// <summary>ItemQueries.ListAsync: the page (one row more than asked), then the children of its ids in one command.</summary>
    public static async Task<object> ListAsync(DbConnection connection, string? sort, string? progressStatus, int limit)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var criteria = new ItemListCriteria(null, null, null, null,
            progressStatus is null ? null : Enum.Parse<Domain.Items.ProgressStatus>(progressStatus.Replace("_", ""), true),
            null, null, null, null, null, null, null, null, null, sort == "due_date" ? ItemSort.DueDate : ItemSort.Created,
            null, today, today.AddDays(3), today.AddDays(7));
        var rows = (await connection.QueryAsync(ItemReadSql.List(criteria, afterCursor: false).Sqlite,
            new { ProgressStatus = progressStatus, Limit = limit + 1 })).Take(limit).ToList();
        await using var results = await connection.QueryMultipleAsync(ItemReadSql.ChildrenOfItems,
            new { Ids = rows.Select(row => (object)row.Id).ToList() });
        return new { items = rows, children = await ChildrenAsync(results) };
    }

    /// <summary>StatisticsStore: one grouped statement; the groups are the rows.</summary>
    public static async Task<object> StatisticsAsync(DbConnection connection, string groupBy)
    {
        var grouping = groupBy == "unit" ? StatisticsGrouping.HolderSets : StatisticsGrouping.Inspection;
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        return await connection.QueryAsync(StatisticsSql.Statements[(grouping, StatisticsFilters.None)].Sqlite,
            new { AsOf = asOf, YearEnd = new DateOnly(asOf.Year, 12, 31) });
    }

    private static async Task<object> ChildrenAsync(SqlMapper.GridReader results) => new
    {
        units = await results.ReadAsync(),
        refs = await results.ReadAsync(),
    };
}
