using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Rectify.Application.Items;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Items;

namespace Rectify.UnitTests.Persistence;

/// <summary>
/// The composed list statements, which the catalog cannot find by reflection: every sort with no filter, with every
/// filter and with a cursor compiles in both dialects, and on the migrated SQLite schema each sort is read in index
/// order, never sorted in a temporary B-tree.
/// </summary>
public sealed class ItemListSqlTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    private MigratedSqlite _database = null!;

    [OneTimeSetUp]
    public async Task MigrateAsync() => _database = await MigratedSqlite.CreateAsync();

    [OneTimeTearDown]
    public void Remove() => _database.Dispose();

    private static ItemListCriteria NoFilter(ItemSort sort) => new(null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, sort, null, Today, Today.AddDays(3), Today.AddDays(7));

    private static ItemListCriteria EveryFilter(ItemSort sort, WarningLevel level, bool overdue) => new(Guid.NewGuid(),
        InspectionKind.PartyInspection, Guid.NewGuid(), "/1/%", ProgressStatus.InProgress, SignOffStatus.Requested,
        ItemCategory.Water, overdue, level, Today, Today.AddDays(30), true, "污水", DateTimeOffset.UnixEpoch, sort, "/1/2/%",
        Today, Today.AddDays(3), Today.AddDays(7));

    private static IEnumerable<TestCaseData> ComposedStatements() =>
        from sort in Enum.GetValues<ItemSort>()
        from level in Enum.GetValues<WarningLevel>()
        from overdue in new[] { true, false }
        from afterCursor in new[] { true, false }
        select new TestCaseData(EveryFilter(sort, level, overdue), afterCursor)
            .SetArgDisplayNames($"{sort}, {level}, overdue={overdue}, cursor={afterCursor}");

    [TestCaseSource(nameof(ComposedStatements))]
    public void List_WithEveryFilter_CompilesInBothDialects(ItemListCriteria criteria, bool afterCursor)
    {
        var sql = ItemReadSql.List(criteria, afterCursor);

        using var command = _database.Connection.CreateCommand();
        command.CommandText = sql.Sqlite;
        Assert.DoesNotThrow(command.Prepare, sql.Sqlite);
        Assert.That(TSqlChecker.Errors(sql.SqlServer), Is.Empty, sql.SqlServer);
    }

    [Test]
    public void List_WithoutFilters_EmitsNoPredicateButTheCursor()
    {
        Assert.That(ItemReadSql.List(NoFilter(ItemSort.Created), afterCursor: false).Sqlite, Does.Not.Contain("WHERE"));
        Assert.That(ItemReadSql.List(NoFilter(ItemSort.Created), afterCursor: true).Sqlite, Does.Contain("WHERE i.Seq > @AfterSeq"));
        Assert.That(ItemReadSql.List(EveryFilter(ItemSort.Code, WarningLevel.Red, true), true).Sqlite, Does.Not.Contain("IS NULL OR"));
    }

    [TestCase(ItemSort.Created, false)]
    [TestCase(ItemSort.Created, true)]
    [TestCase(ItemSort.DueDate, false)]
    [TestCase(ItemSort.DueDate, true)]
    [TestCase(ItemSort.UpdatedAt, false)]
    [TestCase(ItemSort.UpdatedAt, true)]
    [TestCase(ItemSort.Code, false)]
    [TestCase(ItemSort.Code, true)]
    public void List_EachSort_IsServedByAnIndexWithoutSorting(ItemSort sort, bool afterCursor)
    {
        var plan = QueryPlan(ItemReadSql.List(NoFilter(sort), afterCursor).Sqlite);

        Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
        Assert.That(plan, Does.Contain(afterCursor || sort != ItemSort.Created ? "USING" : "SCAN i"), plan);
    }

    [Test]
    public void List_ByDueDate_SeeksOnTheSortKeyIndex() =>
        Assert.That(QueryPlan(ItemReadSql.List(NoFilter(ItemSort.DueDate), afterCursor: true).Sqlite),
            Does.Contain("SEARCH i USING INDEX IX_Items_DueSortKey (DueSortKey>?)"));

    [TestCase(WarningLevel.Red)]
    [TestCase(WarningLevel.Yellow)]
    [TestCase(WarningLevel.Blue)]
    public void List_WarningByDueDate_SeeksOnTheOpenItemsIndex(WarningLevel level)
    {
        var plan = QueryPlan(ItemReadSql.List(NoFilter(ItemSort.DueDate) with { WarningLevel = level }, afterCursor: true).Sqlite);

        Assert.That(plan, Does.Contain("SEARCH i USING INDEX IX_Items_Open_DueSortKey (IsOpen=? AND DueSortKey"), plan);
        Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
    }

    [Test]
    public void List_InspectionByDueDate_SeeksOnTheInspectionIndex()
    {
        var criteria = NoFilter(ItemSort.DueDate) with { InspectionId = Guid.NewGuid() };

        var plan = QueryPlan(ItemReadSql.List(criteria, afterCursor: true).Sqlite);

        Assert.That(plan, Does.Contain("SEARCH i USING INDEX IX_Items_Inspection_DueSortKey (InspectionId=? AND DueSortKey"), plan);
        Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
    }

    private string QueryPlan(string sql)
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, name == "@Limit" ? 51 : DBNull.Value);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(3));
        return string.Join("\n", lines);
    }
}
