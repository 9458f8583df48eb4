using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Inspections;
using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Units;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// The counters on the Items row (measure counts, the lead/responsible holder key and the lead unit) that statistics,
/// list pages and reports read instead of the child rows: every kind of save keeps them equal to those rows, and the
/// backfills of migrations 0012 and 0016 compute the same values as the save.
/// </summary>
[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class ItemCountersTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 1);

    private DialectDatabase _database = null!;
    private Inspection _inspection = null!;
    private OrgUnit[] _units = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await DialectDatabase.CreateAsync(dialect);
        _inspection = Inspection.Create(Guid.CreateVersion7(), new InspectionDetails(InspectionKind.PartyInspection,
            InspectionLevel.County, "区委第四巡察组反馈意见", 4, null, "区委第四巡察组", 2026, Today, null, "X巡〔2026〕4号"),
            ["分局党组审核"], Now);
        // Random ids, so the holder key's order is not the order of creation.
        _units = Enumerable.Range(0, 4)
            .Select(n => OrgUnit.Create(Guid.NewGuid(), $"C{n}" + Guid.NewGuid().ToString("N")[..8], $"单位{n}",
                UnitKind.Department, null, null, null, Now))
            .ToArray();
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        await new InspectionStore(session).WriteAsync(_inspection, CancellationToken.None);
        foreach (var unit in _units)
            await new UnitStore(session).WriteAsync(unit, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    [Test]
    public async Task EveryKindOfSave_KeepsTheCountersEqualToTheChildRows()
    {
        var id = await CreateAsync(lead: 0, responsible: [2, 1], cooperating: [3]);
        await AssertCountersMatchRowsAsync(id, measures: (0, 0), holders: [0, 1, 2]);

        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        await ChangeAsync(id, item => item.AddMeasure(first, "新建截污管网", null, null, Now));
        await ChangeAsync(id, item => item.AddMeasure(second, "清淤", _units[3].Id, Today.AddDays(9), Now));
        await AssertCountersMatchRowsAsync(id, measures: (2, 0), holders: [0, 1, 2]);

        await ChangeAsync(id, item => item.SetMeasureImplemented(first, true, Today, Today, Now));
        await AssertCountersMatchRowsAsync(id, measures: (2, 1), holders: [0, 1, 2]);
        await ChangeAsync(id, item => item.SetMeasureImplemented(first, false, null, Today, Now));
        await AssertCountersMatchRowsAsync(id, measures: (2, 0), holders: [0, 1, 2]);

        await ChangeAsync(id, item => item.ReassignUnits(
            [new ItemUnit(_units[3].Id, UnitRole.Lead), new ItemUnit(_units[0].Id, UnitRole.Cooperating),
             new ItemUnit(_units[1].Id, UnitRole.Responsible)]));
        await AssertCountersMatchRowsAsync(id, measures: (2, 0), holders: [1, 3]);

        await ChangeAsync(id, item =>
        {
            item.SetMeasureImplemented(first, true, Today, Today, Now);
            item.SetMeasureImplemented(second, true, Today, Today, Now);
            item.ReportProgress(Guid.CreateVersion7(), Today, "已完成", ProgressStatus.Completed, null, null, null, [],
                "tester", Now);
        });
        await AssertCountersMatchRowsAsync(id, measures: (2, 2), holders: [1, 3]);

        await ChangeAsync(id, item =>
            item.RecordRecurrence(Guid.CreateVersion7(), Today, "督察组", "管网再次溢流", Today.AddDays(30), "tester", Now));
        await AssertCountersMatchRowsAsync(id, measures: (2, 2), holders: [1, 3]);
    }

    [Test]
    public async Task MigrationBackfill_GivesTheValuesTheSaveWrites()
    {
        var ids = new[]
        {
            await CreateAsync(lead: 0, responsible: [], cooperating: []),
            await CreateAsync(lead: 1, responsible: [0, 3, 2], cooperating: []),
            await CreateAsync(lead: 2, responsible: [3], cooperating: [0, 1]),
        };
        var measure = Guid.CreateVersion7();
        await ChangeAsync(ids[1], item => item.AddMeasure(measure, "新建截污管网", null, null, Now));
        await ChangeAsync(ids[1], item => item.AddMeasure(Guid.CreateVersion7(), "清淤", null, null, Now));
        await ChangeAsync(ids[1], item => item.SetMeasureImplemented(measure, true, Today, Today, Now));
        var saved = await StoredAsync(ids);

        await using (var session = _database.OpenSession())
        {
            await session.ExecuteAsync("UPDATE Items SET MeasuresTotal = 0, MeasuresImplemented = 0, Holders = NULL, LeadUnitId = NULL",
                null, CancellationToken.None);
            await session.ExecuteAsync(BackfillStatement("0012_add_item_counters.sql"), null, CancellationToken.None);
            await session.ExecuteAsync(BackfillStatement("0016_add_item_lead_unit.sql"), null, CancellationToken.None);
        }

        Assert.That(saved.Select(c => c.MeasuresTotal), Is.EqualTo(new[] { 0, 2, 0 }));
        Assert.That(saved.Select(c => c.LeadUnitId), Is.EqualTo(new[] { 0, 1, 2 }.Select(n => _units[n].Id)));
        Assert.That(await StoredAsync(ids), Is.EqualTo(saved));
    }

    /// <summary>The UPDATE of a migration that fills the counters of existing rows.</summary>
    private string BackfillStatement(string migration)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n =>
            n.Contains(DatabaseMigrator.ScriptFolder(dialect), StringComparison.Ordinal) &&
            n.EndsWith(migration, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var script = reader.ReadToEnd();
        var start = script.IndexOf("\nUPDATE ", StringComparison.Ordinal);
        return script[start..script.IndexOf(';', start)];
    }

    private async Task<Guid> CreateAsync(int lead, int[] responsible, int[] cooperating)
    {
        var code = "K-" + Guid.NewGuid().ToString("N")[..8];
        var content = new ItemContent(code, "雨污混流管网改造", null, null, null, ItemCategory.Water, null, null, "生态环境保护",
            false, null, null, null, null, []);
        var units = responsible.Select(n => new ItemUnit(_units[n].Id, UnitRole.Responsible))
            .Concat(cooperating.Select(n => new ItemUnit(_units[n].Id, UnitRole.Cooperating)))
            .Append(new ItemUnit(_units[lead].Id, UnitRole.Lead))
            .ToList();
        var item = Item.Create(Guid.CreateVersion7(), _inspection.Id, _inspection.SignOffSteps, content, units,
            [DeadlineKind.ByDate], Today.AddDays(20), Now);
        await SaveAsync(item, null);
        return item.Id;
    }

    /// <summary>Reads the item as a command does, changes it and saves it.</summary>
    private async Task ChangeAsync(Guid id, Action<Item> change)
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        var item = await Store(session).FindAsync(id, null, CancellationToken.None);
        change(item!);
        await SaveAsync(item!, session);
    }

    private async Task SaveAsync(Item item, DbSession? inSession)
    {
        var session = inSession ?? _database.OpenSession();
        try
        {
            if (inSession is null)
                await session.BeginAsync(CancellationToken.None);
            item.StampChanges(Now);
            await Store(session).WriteAsync(item, CancellationToken.None);
            item.MarkSaved();
            await session.CommitAsync(CancellationToken.None);
        }
        finally
        {
            if (inSession is null)
                await session.DisposeAsync();
        }
    }

    private static ItemStore Store(DbSession session) => new(session, new ProgressStore(session), new SignOffStore(session),
        new ExtensionStore(session), new RecurrenceStore(session));

    private async Task AssertCountersMatchRowsAsync(Guid id, (int Total, int Implemented) measures, int[] holders)
    {
        await using var session = _database.OpenSession();
        var stored = (await StoredAsync([id])).Single();
        var counted = await session.QuerySingleOrDefaultAsync<Counters>("""
            SELECT COUNT(*) AS MeasuresTotal, COALESCE(SUM(CASE WHEN Implemented = 1 THEN 1 ELSE 0 END), 0) AS MeasuresImplemented
            FROM Measures WHERE ItemId = @Id
            """, new { Id = id }, CancellationToken.None);
        var units = await session.QueryAsync<UnitRow>("SELECT ItemId, UnitId, Role FROM ItemUnits WHERE ItemId = @Id",
            new { Id = id }, CancellationToken.None);

        Assert.That((stored.MeasuresTotal, stored.MeasuresImplemented), Is.EqualTo((counted!.MeasuresTotal, counted.MeasuresImplemented)));
        Assert.That((stored.MeasuresTotal, stored.MeasuresImplemented), Is.EqualTo(measures));
        Assert.That(stored.Holders, Is.EqualTo(HolderSet.Key(units.Select(u => u.ToItemUnit()))));
        Assert.That(stored.LeadUnitId, Is.EqualTo(units.Single(u => u.Role == "lead").UnitId));
        Assert.That(HolderSet.Parse(stored.Holders), Is.EquivalentTo(holders.Select(n => _units[n].Id)));
        Assert.That(HolderSet.Parse(stored.Holders), Is.Ordered.Using<Guid>((a, b) => string.CompareOrdinal(a.ToString(), b.ToString())));
    }

    private async Task<List<Counters>> StoredAsync(IReadOnlyList<Guid> ids)
    {
        var stored = new List<Counters>();
        await using var session = _database.OpenSession();
        foreach (var id in ids)
            stored.Add((await session.QuerySingleOrDefaultAsync<Counters>(
                "SELECT MeasuresTotal, MeasuresImplemented, Holders, LeadUnitId FROM Items WHERE Id = @Id", new { Id = id },
                CancellationToken.None))!);
        return stored;
    }

    private sealed record Counters
    {
        public int MeasuresTotal { get; init; }
        public int MeasuresImplemented { get; init; }
        public string? Holders { get; init; }
        public Guid? LeadUnitId { get; init; }
    }
}
