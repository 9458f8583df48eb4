using System.Text;
using Rectify.Application.Common.Errors;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.ReportRuns;
using Rectify.Infrastructure.Scheduling;

namespace Rectify.IntegrationTests.Persistence;

[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class ReportRunStoreTests(SqlDialect dialect)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private DialectDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await DialectDatabase.CreateAsync(dialect);

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    private static NewReportRun Run(ReportKind kind, string period, DateOnly asOf, string json = """{"kind":"overdue"}""")
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        var run = new ReportRunResponse(Guid.CreateVersion7(), kind, period, asOf, new DateTimeOffset(2026, 11, 28, 0, 0, 1, TimeSpan.Zero),
            ReportRunTrigger.Scheduled, null, new Dictionary<string, object?> { ["overdue"] = 3L }, json.Length, buffer.Length);
        return new NewReportRun(run, buffer.ToArray());
    }

    private async Task InsertAsync(NewReportRun run)
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(None);
        await new ReportRunStore(session).InsertAsync(run, None);
        await session.CommitAsync(None);
    }

    [Test]
    public async Task Insert_ThenFindListAndOpen_RoundTripsTheRunAndItsContent()
    {
        var run = Run(ReportKind.Ranking, "2026-10", new DateOnly(2026, 10, 31), """{"kind":"ranking","title":"月评比"}""");
        await InsertAsync(run);
        await using var session = _database.OpenSession();
        var store = new ReportRunStore(session);

        var found = await store.FindAsync(run.Run.Id, None);
        var byPeriod = await store.FindAsync(ReportKind.Ranking, "2026-10", None);
        var listed = await store.ListAsync(ReportKind.Ranking, 10, null, None);
        await using var content = (await store.OpenContentAsync(run.Run.Id, None))!;

        Assert.That(found!.Period, Is.EqualTo("2026-10"));
        Assert.That(found.AsOf, Is.EqualTo(new DateOnly(2026, 10, 31)));
        Assert.That(found.Trigger, Is.EqualTo(ReportRunTrigger.Scheduled));
        Assert.That(found.Figures["overdue"]?.ToString(), Is.EqualTo("3"));
        Assert.That(byPeriod!.Id, Is.EqualTo(run.Run.Id));
        Assert.That(listed.Items.Select(r => r.Id), Does.Contain(run.Run.Id));
        Assert.That(await new StreamReader(content).ReadToEndAsync(), Is.EqualTo("""{"kind":"ranking","title":"月评比"}"""));
    }

    [Test]
    public async Task Insert_OfAPeriodAlreadyStored_IsAConflictAndLeavesTheFirst()
    {
        var first = Run(ReportKind.Summary, "2025", new DateOnly(2025, 12, 1));
        await InsertAsync(first);

        await Assert.ThrowsAsync<ConflictException>(() => InsertAsync(Run(ReportKind.Summary, "2025", new DateOnly(2025, 12, 1))));

        await using var session = _database.OpenSession();
        Assert.That((await new ReportRunStore(session).FindAsync(ReportKind.Summary, "2025", None))!.Id, Is.EqualTo(first.Run.Id));
    }

    [Test]
    public async Task PreviousAsOf_IsTheLatestRunOfTheKindBeforeTheDate()
    {
        await InsertAsync(Run(ReportKind.Progress, "2026-W40", new DateOnly(2026, 9, 28)));
        await InsertAsync(Run(ReportKind.Progress, "2026-W41", new DateOnly(2026, 10, 5)));
        await InsertAsync(Run(ReportKind.Progress, "2026-W43", new DateOnly(2026, 10, 19)));
        await using var session = _database.OpenSession();
        var store = new ReportRunStore(session);

        Assert.That(await store.PreviousAsOfAsync(ReportKind.Progress, new DateOnly(2026, 10, 12), None), Is.EqualTo(new DateOnly(2026, 10, 5)));
        Assert.That(await store.PreviousAsOfAsync(ReportKind.Progress, new DateOnly(2026, 9, 28), None), Is.Null);
    }

    [Test]
    public async Task SchedulerLease_IsHeldByOneInstanceAtATime_AndPassesOnWhenItExpires()
    {
        var options = new SchedulingOptions { CheckinInterval = TimeSpan.FromMilliseconds(200) };
        var one = new SchedulerLease(_database.Connections, options);
        var other = new SchedulerLease(_database.Connections, options);

        Assert.That(await one.TakeAsync(None), Is.True);
        Assert.That(await other.TakeAsync(None), Is.False);
        Assert.That(await one.TakeAsync(None), Is.True, "the holder renews it");
        await Task.Delay(options.LeaseDuration + TimeSpan.FromMilliseconds(200));
        Assert.That(await other.TakeAsync(None), Is.True, "an expired lease goes to whoever asks");
        Assert.That(await one.TakeAsync(None), Is.False, "the former holder has lost it");
        await other.ReleaseAsync();
        Assert.That(await one.TakeAsync(None), Is.True, "a released lease is free at once");
    }
}
