using Rectify.Application.Common;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Quartz;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Scheduling;

namespace Rectify.UnitTests.Scheduling;

public sealed class ReportScheduleTests
{
    private static ReportSchedules Schedules(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [TestCase(ReportKind.Overdue, "2026-11-28", "2026-11-28")]
    [TestCase(ReportKind.Progress, "2026-W48", "2026-11-23")]
    [TestCase(ReportKind.Ranking, "2026-11", "2026-11-01")]
    [TestCase(ReportKind.Summary, "2025", "2025-12-01")]
    public void PeriodAt_WithTheDefaultSchedules_IsNamedByEachCadenceAsOfTheFireDate(ReportKind kind, string period, string asOf)
    {
        var named = Schedules().PeriodAt(kind, Shanghai(2026, 11, 28, 10));

        Assert.That(named, Is.EqualTo(new ReportPeriod(period, DateOnly.Parse(asOf))));
    }

    [Test]
    public void PeriodAt_BeforeTheDaysFire_IsYesterdaysPeriod() =>
        Assert.That(Schedules().PeriodAt(ReportKind.Overdue, Shanghai(2026, 11, 28, 7, 59, 59)).Name, Is.EqualTo("2026-11-27"));

    [Test]
    public void PeriodAt_AtYearEnd_UsesTheIsoWeekYear() =>
        Assert.That(Schedules().PeriodAt(ReportKind.Progress, Shanghai(2027, 1, 1, 10)).Name, Is.EqualTo("2026-W53"));

    [Test]
    public void PeriodAt_InTheSchedulesOwnZone_NamesTheLocalDate()
    {
        var schedules = Schedules(("Reports:Schedules:overdue:TimeZone", "Europe/Berlin"));

        Assert.That(schedules.PeriodAt(ReportKind.Overdue, Shanghai(2026, 11, 28, 10)).Name, Is.EqualTo("2026-11-27"));
    }

    [Test]
    public void PeriodAt_FinerThanDaily_IsTheLocalFireTimeToTheSecond()
    {
        var schedules = Schedules(("Reports:Schedules:overdue:Cron", "0/3 * * * * ?"));

        var period = schedules.PeriodAt(ReportKind.Overdue, Shanghai(2026, 11, 28, 8, 0, 5));

        Assert.That(period, Is.EqualTo(new ReportPeriod("2026-11-28T08:00:03", new DateOnly(2026, 11, 28))));
        Assert.That(schedules.Of(ReportKind.Overdue).Cadence, Is.EqualTo(Cadence.FinerThanDaily));
    }

    [TestCase("0 0 8 ? * MON-FRI", Cadence.Daily)]
    [TestCase("0 0 8 1,15 * ?", Cadence.Weekly)]
    [TestCase("0 30 7 L * ?", Cadence.Monthly)]
    [TestCase("0 0 8 1 12 ?", Cadence.Yearly)]
    [TestCase("0 0 * * * ?", Cadence.FinerThanDaily)]
    public void Cadence_IsJudgedFromTheShortestGapBetweenFires(string cron, Cadence cadence) =>
        Assert.That(Schedules(("Reports:Schedules:ranking:Cron", cron)).Of(ReportKind.Ranking).Cadence, Is.EqualTo(cadence));

    [Test]
    public void Named_FinerThanDaily_MustBeAFireTime()
    {
        var schedules = Schedules(("Reports:Schedules:overdue:Cron", "0/3 * * * * ?"));
        var now = Shanghai(2026, 11, 28, 9);

        Assert.That(schedules.Named(ReportKind.Overdue, "2026-11-28T08:00:03", now).AsOf, Is.EqualTo(new DateOnly(2026, 11, 28)));
        Assert.Throws<ValidationException>(() => schedules.Named(ReportKind.Overdue, "2026-11-28T08:00:04", now));
    }

    [TestCase("Reports:Schedules:overdue:Cron", "every day at eight")]
    [TestCase("Reports:Schedules:progress:Cron", "0 8 * * MON")]
    [TestCase("Reports:Schedules:ranking:TimeZone", "Asia/Beijing")]
    [TestCase("Reports:Schedules:summary:Cron", "0 0 8 1 12 ? 2020")]
    public void Schedules_WithABadSetting_FailNamingIt(string key, string value)
    {
        var failure = Assert.Throws<InvalidSettingException>(() => Schedules((key, value)));

        Assert.That(failure!.Message, Does.StartWith(key));
    }

    /// <summary>
    /// The evidence behind the SQLite lease (docs/decisions/0009): Quartz 4.7 will not run its job store clustered on
    /// SQLite at all. Should a later version allow it, this fails and the lease can be reconsidered.
    /// </summary>
    [Test]
    public async Task Quartz_RefusesToRunClusteredOnSqlite()
    {
        var failure = await Assert.ThrowsAsync<Quartz.Impl.AdoJobStore.InvalidConfigurationException>(async () =>
            await QuartzSchedulerBuilder.Create(quartz => quartz.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"quartz-{Guid.NewGuid():N}.db")}");
                store.UseSystemTextJsonSerializer();
                store.UseClustering(_ => { });
            })).BuildScheduler());

        Assert.That(failure!.Message, Does.Contain("SQLite cannot be used as clustered mode"));
    }
}
