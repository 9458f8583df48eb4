using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Quartz;
using Rectify.IntegrationTests.Webhooks;

namespace Rectify.IntegrationTests.ReportRuns;

/// <summary>
/// The scheduler as deployed: real API processes on one SQLite file, the overdue report scheduled every few seconds
/// (its periods named to the second), the other kinds on their yearly-or-slower defaults. Runs are read through the API.
/// </summary>
[NonParallelizable]
public sealed partial class ReportSchedulerProcessTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private string _database = null!;

    [SetUp]
    public void NewDatabase() => _database = Path.Combine(Path.GetTempPath(), $"rectify-schedule-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_database + suffix);
        File.Delete(Path.ChangeExtension(_database, ".audit-key"));
    }

    private static Dictionary<string, string> Every(int seconds, TimeSpan holdOpen, int offset = 0) => new()
    {
        ["Reports:Scheduling:Enabled"] = "true",
        ["Reports:Scheduling:CheckinInterval"] = "00:00:01",
        ["Reports:Scheduling:MisfireThreshold"] = "00:00:01",
        ["Reports:Schedules:overdue:Cron"] = $"{offset}/{seconds} * * * * ?",
        ["Reports:Runs:HoldOpenBeforeCommit"] = holdOpen.ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Rectify.Infrastructure.Scheduling"] = "Information",
    };

    private static async Task<List<string>> OverduePeriodsAsync(ApiProcess api)
    {
        using var client = api.Admin();
        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/report-runs?kind=overdue&limit=200");
        return page!["items"]!.AsArray().Select(r => r!["period"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    private static DateTimeOffset LocalTime(string period) =>
        new(DateTime.ParseExact(period, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static string Period(DateTimeOffset fire) =>
        TimeZoneInfo.ConvertTime(fire, Shanghai).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The fires of the cron strictly after <paramref name="after"/> and at or before <paramref name="until"/>.</summary>
    private static List<string> FiresBetween(int seconds, DateTimeOffset after, DateTimeOffset until)
    {
        var cron = new CronExpression($"0/{seconds} * * * * ?", Shanghai);
        var fires = new List<string>();
        for (var fire = cron.GetNextValidTimeAfter(after); fire is { } f && f <= until; fire = cron.GetNextValidTimeAfter(f))
            fires.Add(Period(f));
        return fires;
    }

    [GeneratedRegex(@"Report run started: overdue (\S+?)\.")]
    private static partial Regex RunStarted();

    [GeneratedRegex(@"Report run made: overdue (\S+) as")]
    private static partial Regex RunMade();

    private static List<string> Matches(Regex regex, string output) => regex.Matches(output).Select(m => m.Groups[1].Value).ToList();

    [Test]
    public async Task TwoProcesses_OneFile_RunEveryPeriodOnce_AndTheSurvivorRedoesTheRunOfAKilledOne()
    {
        const int seconds = 3;
        var settings = Every(seconds, holdOpen: TimeSpan.FromSeconds(2));
        await using var first = await ApiProcess.StartAsync(_database, settings);
        await using var second = await ApiProcess.StartAsync(_database, settings);
        ApiProcess? killed = null;
        string? killedPeriod = null;
        // Let a few periods pass with both up, then kill whichever process is in the middle of a run: the lease holder,
        // usually the first to start, though a slow machine can let the lease pass to the other before.
        await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(second)).Count >= 3, "three runs with both processes up",
            seconds: 60);
        await WebhookTest.EventuallyAsync(() =>
        {
            foreach (var api in new[] { first, second })
            {
                var started = Matches(RunStarted(), api.Output);
                if (started.Count > 0 && !Matches(RunMade(), api.Output).Contains(started[^1]))
                {
                    (killed, killedPeriod) = (api, started[^1]);
                    return true;
                }
            }
            return false;
        }, "a process caught in the middle of a run", seconds: 30);
        await killed!.KillAsync();
        var survivor = killed == first ? second : first;

        await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(survivor)).Count(p => string.CompareOrdinal(p, killedPeriod) > 0) >= 3,
            "later periods keep coming after the kill", seconds: 60);

        var periods = await OverduePeriodsAsync(survivor);
        Assert.That(periods, Is.Unique);
        Assert.That(periods, Does.Contain(killedPeriod), "the killed run is redone");
        Assert.That(Matches(RunMade(), killed.Output), Does.Not.Contain(killedPeriod), "the killed process did not commit it");
        Assert.That(Matches(RunMade(), survivor.Output), Does.Contain(killedPeriod), "the survivor made it");
        Assert.That(survivor.Output, Does.Contain("recovering a run its instance did not finish"));
        // Once the survivor holds the schedule, no period is skipped. (Before the kill a slow machine may pass the lease
        // between the two, and fires missed in a handover collapse into one run, as after any outage.)
        var latest = periods.TakeLast(3).ToList();
        Assert.That(latest, Is.EqualTo(FiresBetween(seconds, LocalTime(latest[0]).AddSeconds(-1), LocalTime(latest[^1]))));
    }

    [Test]
    public async Task ServiceDownAcrossSeveralPeriods_MakesOneRunAtStart_ForTheLatestMissedPeriod()
    {
        const int seconds = 10;
        var settings = Every(seconds, holdOpen: TimeSpan.Zero);
        var launched = DateTimeOffset.UtcNow;
        var first = await ApiProcess.StartAsync(_database, settings);
        string lastBeforeStop;
        try
        {
            await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(first)).Count >= 1, "a first run", seconds: 40);
            var periods = await OverduePeriodsAsync(first);
            Assert.That(LocalTime(periods[0]), Is.GreaterThan(launched), "a fresh database makes no catch-up run");
            lastBeforeStop = periods[^1];
        }
        finally
        {
            await first.KillAsync();
        }

        // Stay down across two more fires, then start again one second after a fire, well before the next.
        var missed = LocalTime(lastBeforeStop).AddSeconds(2 * seconds);
        var restartAt = missed.AddSeconds(1);
        if (restartAt > DateTimeOffset.UtcNow)
            await Task.Delay(restartAt - DateTimeOffset.UtcNow);
        var relaunched = DateTimeOffset.UtcNow;
        await using var second = await ApiProcess.StartAsync(_database, settings);
        var latestMissed = FiresBetween(seconds, LocalTime(lastBeforeStop), relaunched).Last();
        await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(second)).Contains(latestMissed),
            "the latest missed period made at start", seconds: 30);

        var made = await OverduePeriodsAsync(second);
        var whileDown = FiresBetween(seconds, LocalTime(lastBeforeStop), relaunched);
        Assert.That(whileDown, Has.Count.GreaterThanOrEqualTo(2), "the service was down across two periods");
        Assert.That(made.Intersect(whileDown), Is.EqualTo(new[] { latestMissed }), "one run, for the latest missed period only");
    }

    [Test]
    public async Task ScheduleChangedWhileDown_IsRescheduledFromNow_WithoutACatchUpRun()
    {
        const int seconds = 10;
        var first = await ApiProcess.StartAsync(_database, Every(seconds, TimeSpan.Zero));
        string lastBeforeStop;
        try
        {
            await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(first)).Count >= 1, "a first run", seconds: 40);
            lastBeforeStop = (await OverduePeriodsAsync(first))[^1];
        }
        finally
        {
            await first.KillAsync();
        }
        var restartAt = LocalTime(lastBeforeStop).AddSeconds(2 * seconds + 1);
        if (restartAt > DateTimeOffset.UtcNow)
            await Task.Delay(restartAt - DateTimeOffset.UtcNow);

        var relaunched = DateTimeOffset.UtcNow;
        await using var second = await ApiProcess.StartAsync(_database, Every(seconds, TimeSpan.Zero, offset: 5));
        await WebhookTest.EventuallyAsync(async () => (await OverduePeriodsAsync(second)).Count >= 2, "a run on the new schedule", seconds: 40);

        var made = await OverduePeriodsAsync(second);
        Assert.That(second.Output, Does.Contain("Scheduled the overdue report: '5/10 * * * * ?'"), "the changed trigger was replaced");
        Assert.That(made.Where(p => string.CompareOrdinal(p, lastBeforeStop) > 0).Select(LocalTime), Has.All.GreaterThan(relaunched),
            "nothing made for the time the service was down");
        Assert.That(made.Where(p => string.CompareOrdinal(p, lastBeforeStop) > 0).Select(p => LocalTime(p).Second % 10), Has.All.EqualTo(5));
    }
}
