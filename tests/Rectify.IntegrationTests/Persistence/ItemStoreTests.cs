using Rectify.Application.Common;
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
        _inspection = Inspection.Create(Guid.CreateVersion7(), new InspectionDetails(InspectionKind.PartyInspection,
            InspectionLevel.County, "区委第四巡察组反馈意见", 4, null, "区委第四巡察组", 2026, Today, null, "X巡〔2026〕4号"),
            ["分局党组审核", "区委巡察办销号"], Now);
        _lead = OrgUnit.Create(Guid.CreateVersion7(), "L" + Guid.NewGuid().ToString("N")[..8], "区生态环境分局", UnitKind.Department, null, null, null, Now);
        _helper = OrgUnit.Create(Guid.CreateVersion7(), "H" + Guid.NewGuid().ToString("N")[..8], "城关镇", UnitKind.Township, _lead, null, null, Now);
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        await new InspectionStore(session).WriteAsync(_inspection, CancellationToken.None);
        await new UnitStore(session).WriteAsync(_lead, CancellationToken.None);
        await new UnitStore(session).WriteAsync(_helper, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    private Item NewItem(DateOnly? due, string code)
    {
        var content = new ItemContent(code, "雨污混流管网改造", null, null, null, ItemCategory.Water, null, null, "生态环境保护",
            true, null, null, 12.6m, "公里", [new ExternalRef("city", code)]);
        return Item.Create(Guid.CreateVersion7(), _inspection.Id, _inspection.SignOffSteps, content,
            [new ItemUnit(_lead.Id, UnitRole.Lead), new ItemUnit(_helper.Id, UnitRole.Cooperating)],
            due is null ? [DeadlineKind.Ongoing] : [DeadlineKind.Immediate, DeadlineKind.ByDate], due, Now);
    }

    private static ItemStore Store(DbSession session) => new(session, new ProgressStore(session), new SignOffStore(session),
        new ExtensionStore(session), new RecurrenceStore(session));

    private static ItemQueries Queries(DbSession session) =>
        new(session, new OfficeCalendar(TimeProvider.System, new OfficeOptions()));

    private async Task SaveAsync(params Item[] items)
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        foreach (var item in items)
        {
            item.StampChanges(Now);
            await Store(session).WriteAsync(item, CancellationToken.None);
            item.MarkSaved();
        }
        await session.CommitAsync(CancellationToken.None);
    }

    private ItemListCriteria Criteria(ItemSort sort, bool? overdue = null) => new(_inspection.Id, InspectionKind.PartyInspection,
        _lead.Id, _lead.SubtreePattern, null, null, ItemCategory.Water, overdue, null, null, null, true, "雨污", null, sort, null,
        Today, Today.AddDays(3), Today.AddDays(7));

    [Test]
    public async Task Write_ThenFind_RoundTripsTheWholeAggregateWithTheChildRowsItsEventsAdded()
    {
        var item = NewItem(Today.AddDays(10), "R-" + Guid.NewGuid().ToString("N")[..6]);
        var measure = item.AddMeasure(Guid.CreateVersion7(), "新建截污管网", _helper.Id, Today.AddDays(5), Now);
        item.SetMeasureImplemented(measure.Id, true, Today, Today, Now);
        var extension = item.RequestExtension(Guid.CreateVersion7(), Today.AddDays(40), "资金未到位", "tester", null, Today, Now);
        item.ReportProgress(Guid.CreateVersion7(), Today, "已完成", ProgressStatus.Completed, ScheduleStatus.Ahead, 7.9m,
            "专项债资金到位", [], "tester", Now);
        var request = item.RequestSignOff(Guid.CreateVersion7(), "申请销号", [new Evidence("验收报告", "https://example.org/a.pdf", null)],
            "tester", null, Now);
        await SaveAsync(item);

        await using var session = _database.OpenSession();
        var found = await Store(session).FindAsync(item.Id, null, CancellationToken.None);

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
        Assert.That(found.LatestReportedOn, Is.EqualTo(Today));
        Assert.That(found.OpenSignOffRequest, Is.EqualTo(request).Using<SignOffRequest>((a, b) =>
            a.Id == b.Id && a.Round == b.Round && a.Evidence.SequenceEqual(b.Evidence) && a.Status == b.Status));
        Assert.That(found.Extensions.Select(e => (e.Id, e.RequestedDueDate, e.Status)),
            Is.EqualTo(new[] { (extension.Id, Today.AddDays(40), ExtensionStatus.Pending) }));
        Assert.That(found.Events, Is.Empty);
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

        var seen = new List<ItemResponse>();
        string? cursor = null;
        do
        {
            await using var session = _database.OpenSession();
            var page = await Queries(session).ListAsync(Criteria(ItemSort.DueDate), 2, cursor, CancellationToken.None);
            seen.AddRange(page.Items.Where(i => i.Code.StartsWith($"D{run}", StringComparison.Ordinal)));
            cursor = page.NextCursor;
        } while (cursor is not null);

        Assert.That(seen.Select(i => i.Code), Is.EqualTo(new[] { $"D{run}-3", $"D{run}-5", $"D{run}-1", $"D{run}-4", $"D{run}-2" }));
    }

    [Test]
    public async Task ListChanges_AfterAnItemChanges_ServesItLastAndOnceWithTheTokenMovingOnlyForward()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var first = NewItem(Today.AddDays(3), $"C{run}-1");
        var second = NewItem(Today.AddDays(4), $"C{run}-2");
        await SaveAsync(first);
        await SaveAsync(second);
        first.ReportProgress(Guid.CreateVersion7(), Today, "已开工", ProgressStatus.InProgress, null, null, null, [], "tester", Now);
        await SaveAsync(first);

        var seen = new List<ItemResponse>();
        string? token = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            await using var session = _database.OpenSession();
            var page = await Queries(session).ListChangesAsync(null, token, 1, CancellationToken.None);
            seen.AddRange(page.Items.Where(i => i.Code.StartsWith($"C{run}", StringComparison.Ordinal)));
            if (page.Items.Count == 0)
            {
                Assert.That(page.NextToken, Is.EqualTo(token), "nothing new: the token sent comes back");
                break;
            }
            Assert.That(page.NextToken, Is.Not.EqualTo(token));
            token = page.NextToken;
        }

        Assert.That(seen.Select(i => (i.Code, i.Version)), Is.EqualTo(new[] { ($"C{run}-2", 1), ($"C{run}-1", 2) }));
        Assert.That(seen[1].ProgressStatus, Is.EqualTo(ProgressStatus.InProgress));
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
        var page = await Queries(session).ListAsync(Criteria(ItemSort.Created, overdue: true), 200, null, CancellationToken.None);

        Assert.That(page.Items.Select(r => r.Code).Where(c => c.StartsWith($"O{run}", StringComparison.Ordinal)),
            Is.EqualTo(new[] { $"O{run}-late" }));
    }
}
