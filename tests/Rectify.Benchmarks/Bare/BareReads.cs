using System.Data.Common;
using Dapper;
using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Statistics;

namespace Rectify.Benchmarks.Bare;

/// <summary>
/// The reads of the bare baseline: the statements the API sends for each read, in the same order, taken from
/// Infrastructure's *Sql classes so the text cannot drift. UPDATE AFTER CHANGING THE API'S READS: when a store sends
/// other statements or a different number of them, this is the one place that mirrors it.
/// </summary>
internal static class BareReads
{
    private static readonly DateOnly NoDueDate = new(9999, 12, 31);

    /// <summary>ItemStore.FindAsync: the item row, then its children in one command.</summary>
    public static async Task<object?> ItemAsync(DbConnection connection, Guid id)
    {
        var item = await connection.QuerySingleOrDefaultAsync(ItemSql.FindById, new { Id = id, ScopePattern = (string?)null });
        if (item is null)
            return null;
        await using var children = await connection.QueryMultipleAsync(ItemSql.ChildrenOfItem, new { ItemId = id });
        return new
        {
            item,
            measures = await children.ReadAsync(),
            signOffRequest = await children.ReadSingleOrDefaultAsync(),
            extensions = await children.ReadAsync(),
            units = await children.ReadAsync(),
            refs = await children.ReadAsync(),
        };
    }

    /// <summary>ItemStore.ListAsync: the page (one row more than asked, to know whether a next page exists), then its units and references.</summary>
    public static async Task<object> ListAsync(DbConnection connection, string? sort, string? progressStatus, int limit)
    {
        var sql = sort == "due_date" ? ItemSql.ListByDueDate : ItemSql.ListByCreated;
        var rows = (await connection.QueryAsync(sql.Sqlite, new
        {
            ScopePattern = (string?)null,
            InspectionId = (Guid?)null,
            InspectionKind = (string?)null,
            UnitId = (Guid?)null,
            UnitPattern = (string?)null,
            ProgressStatus = progressStatus,
            SignOffStatus = (string?)null,
            Category = (string?)null,
            IsKey = (bool?)null,
            DueFrom = (DateOnly?)null,
            DueTo = (DateOnly?)null,
            UpdatedSince = (DateTimeOffset?)null,
            Pattern = (string?)null,
            Overdue = (bool?)null,
            WarningLevel = (string?)null,
            Today = (DateOnly?)null,
            YellowDate = (DateOnly?)null,
            BlueDate = (DateOnly?)null,
            AfterSeq = 0L,
            AfterDate = (DateOnly?)null,
            AfterInstant = (DateTimeOffset?)null,
            AfterText = (string?)null,
            NoDueDate,
            Limit = limit + 1,
        })).Take(limit).ToList();
        var ids = rows.Select(row => (object)row.Id).ToList();
        return new
        {
            items = rows,
            units = await connection.QueryAsync(ItemSql.UnitsOfItems, new { Ids = ids }),
            refs = await connection.QueryAsync(ItemSql.RefsOfItems, new { Ids = ids }),
        };
    }

    /// <summary>StatisticsStore: every visible item and every assignment, counted here per group.</summary>
    public static async Task<object> StatisticsAsync(DbConnection connection, string groupBy)
    {
        var filter = new { ScopePattern = (string?)null, InspectionId = (Guid?)null, UnitId = (Guid?)null, UnitPattern = (string?)null };
        var items = await connection.QueryAsync(StatisticsSql.Items, filter);
        var assignments = await connection.QueryAsync(StatisticsSql.Assignments, filter);
        var groups = groupBy == "unit"
            ? assignments.GroupBy(a => (string)a.UnitId)
            : items.GroupBy(i => (string)i.InspectionId);
        return groups.Select(g => new { key = g.Key, total = g.Count() }).ToList();
    }
}
