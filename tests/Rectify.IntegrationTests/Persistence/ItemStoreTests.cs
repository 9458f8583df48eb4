using Rectify.Application.Items;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Inspections;
using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Units;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// The item aggregate through its store on each dialect: every column type (dates, instants, decimals, booleans,
/// enum words, JSON lists) round-trips, and the filtered, keyset-paged list means the same thing on both.
/// </summary>
[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class ItemStoreTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 5, 1, 8, 30, 15, TimeSpan.Zero).AddTicks(1234567);
    private static readonly DateOnly Today = new(2026, 5, 1);

    private DialectDatabase _database = null!;
    private Inspection _inspection = null!;
    private OrgUnit _lead = null!;
    private OrgUnit _helper = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await DialectDatabase.CreateAsync(dialect);
        _inspection = Inspection.Restore(Guid.CreateVersion7(), InspectionKind.PartyInspection, InspectionLevel.County,
            "区委第四巡察组反馈意见", 4, null, "区委第四巡察组", 2026, Today, null, "X巡〔2026〕4号", ["分局党组审核", "区委巡察办销号"],
            1, Now, Now);
        _lead = OrgUnit.Create(Guid.CreateVersion7(), "L" + Guid.NewGuid().ToString("N")[..8], "区生态环境分局", UnitKind.Department, null, null, null, Now);
        _helper = OrgUnit.Create(Guid.CreateVersion7(), "H" + Guid.NewGuid().ToString("N")[..8], "城关镇", UnitKind.Township, _lead, null, null, Now);
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        await new InspectionStore(session).InsertAsync(_inspection, CancellationToken.None);
        await new UnitStore(session).InsertAsync(_lead, CancellationToken.None);
        await new UnitStore(session).InsertAsync(_helper, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    private Item NewItem(DateOnly? due, string code)
    {
        var item = Item.Create(Guid.CreateVersion7(), _inspection.Id, code, "雨污混流管网改造", ItemCategory.Water,
            [new ItemUnit(_lead.Id, UnitRole.Lead), new ItemUnit(_helper.Id, UnitRole.Cooperating)],
            due is null ? [DeadlineKind.Ongoing] : [DeadlineKind.Immediate, DeadlineKind.ByDate], due, Now);
        item.IsKey = true;
        item.Aspect = "生态环境保护";
        item.QuantityTarget = 12.6m;
        item.QuantityUnit = "公里";
        item.ExternalRefs = [new ExternalRef("city", code)];
        return item;
    }

    private async Task SaveAsync(params Item[] items)
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        var store = new ItemStore(session);
        foreach (var item in items)
        {
            await store.InsertAsync(item, CancellationToken.None);
            foreach (var measure in item.Measures)
                await store.InsertMeasureAsync(measure, CancellationToken.None);
        }
        await session.CommitAsync(CancellationToken.None);
    }

    private ItemListCriteria Criteria(ItemSort sort, bool? overdue = null) => new(_inspection.Id, InspectionKind.PartyInspection,
        _lead.Id, _lead.SubtreePattern, null, null, ItemCategory.Water, overdue, null, null, null, true, "雨污", null, sort, null,
        Today, Today.AddDays(3), Today.AddDays(7));

    [Test]
    public async Task Insert_ThenFind_RoundTripsTheWholeAggregate()
    {
        var item = NewItem(Today.AddDays(10), "R-" + Guid.NewGuid().ToString("N")[..6]);
        var measure = item.AddMeasure(Guid.CreateVersion7(), "新建截污管网", _helper.Id, Today.AddDays(5), Now);
        item.SetMeasureImplemented(measure, true, Today, Today, Now);
        item.ReportProgress(ProgressStatus.Completed, ScheduleStatus.Ahead, 7.9m, "专项债资金到位", Now);
        item.SignOffSteps = _inspection.SignOffSteps;
        item.RequestSignOff();
        await SaveAsync(item);

        await using var session = _database.OpenSession();
        var found = await new ItemStore(session).FindAsync(item.Id, null, CancellationToken.None);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.Units, Is.EqualTo(item.Units));
        Assert.That(found.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.ByDate }));
        Assert.That(found.DueDate, Is.EqualTo(Today.AddDays(10)));
        Assert.That((found.QuantityTarget, found.QuantityDone, found.QuantityUnit), Is.EqualTo((12.6m, 7.9m, "公里")));
        Assert.That((found.ProgressStatus, found.ScheduleStatus, found.SignOffStatus), Is.EqualTo((ProgressStatus.Completed, ScheduleStatus.Ahead, SignOffStatus.Requested)));
        Assert.That(found.SignOffStep, Is.EqualTo("分局党组审核"));
        Assert.That((found.IsKey, found.Aspect, found.CompletedAt), Is.EqualTo((true, "生态环境保护", (DateTimeOffset?)Now)));
        Assert.That(found.ExternalRefs, Is.EqualTo(item.ExternalRefs));
        Assert.That(found.Measures.Single().Implemented, Is.True);
        Assert.That(found.Measures.Single().ImplementedOn, Is.EqualTo(Today));
    }

    [Test]
    public async Task List_ByDueDate_PagesEveryMatchOnceWithItemsWithoutDueDateLast()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        Item[] items =
        [
            NewItem(Today.AddDays(30), $"D{run}-1"), NewItem(null, $"D{run}-2"), NewItem(Today.AddDays(-2), $"D{run}-3"),
            NewItem(Today.AddDays(30), $"D{run}-4"), NewItem(Today.AddDays(5), $"D{run}-5"),
        ];
        await SaveAsync(items);

        var seen = new List<Item>();
        string? cursor = null;
        do
        {
            await using var session = _database.OpenSession();
            var page = await new ItemStore(session).ListAsync(Criteria(ItemSort.DueDate), 2, cursor, CancellationToken.None);
            seen.AddRange(page.Items.Select(r => r.Item).Where(i => i.Code.StartsWith($"D{run}", StringComparison.Ordinal)));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.That(seen.Select(i => i.Code), Is.EqualTo(new[] { $"D{run}-3", $"D{run}-5", $"D{run}-1", $"D{run}-4", $"D{run}-2" }));
    }

    [Test]
    public async Task List_Overdue_MeansDueBeforeTodayAndNotCompleted()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var late = NewItem(Today.AddDays(-1), $"O{run}-late");
        var onTime = NewItem(Today, $"O{run}-today");
        var open = NewItem(null, $"O{run}-ongoing");
        await SaveAsync(late, onTime, open);

        await using var session = _database.OpenSession();
        var page = await new ItemStore(session).ListAsync(Criteria(ItemSort.Created, overdue: true), 200, null, CancellationToken.None);

        Assert.That(page.Items.Select(r => r.Item.Code).Where(c => c.StartsWith($"O{run}", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"O{run}-late" }));
    }
}
