using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Quartz;
using Rectify.Application.Common.Errors;
using Rectify.Application.Reports;
using Rectify.Domain.Common;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Scheduling;

/// <summary>How often a schedule fires, judged from the gaps between its fires; it decides how periods are named.</summary>
public enum Cadence
{
    Yearly,
    Monthly,
    Weekly,
    Daily,
    FinerThanDaily,
}

/// <summary>One kind's schedule: a Quartz cron expression (with seconds) read in its own time zone.</summary>
public sealed class ReportSchedule
{
    private ReportSchedule(ReportKind kind, string cron, TimeZoneInfo zone)
    {
        Kind = kind;
        CronText = cron;
        Zone = zone;
        Expression = new CronExpression(cron, zone);
        Cadence = CadenceOf(Expression);
    }

    public ReportKind Kind { get; }
    public string CronText { get; }
    public TimeZoneInfo Zone { get; }
    public CronExpression Expression { get; }
    public Cadence Cadence { get; }

    /// <summary>The schedule from <c>Reports:Schedules:&lt;kind&gt;:Cron</c> and <c>:TimeZone</c>; a bad one fails naming the setting.</summary>
    public static ReportSchedule From(IConfiguration configuration, ReportKind kind, string defaultCron, string defaultZone)
    {
        var prefix = $"{ReportSchedules.Section}:{Words.Of(kind)}";
        var cron = configuration[$"{prefix}:Cron"] is { Length: > 0 } c ? c : defaultCron;
        var zoneId = configuration[$"{prefix}:TimeZone"] is { Length: > 0 } z ? z : defaultZone;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidSettingException($"{prefix}:TimeZone '{zoneId}' is not a known time zone (e.g. Asia/Shanghai).", e);
        }
        if (!CronExpression.TryParse(cron, out _))
            throw new InvalidSettingException(
                $"{prefix}:Cron '{cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week " +
                "[year], e.g. '0 0 8 * * ?' for daily at 08:00).");
        var schedule = new ReportSchedule(kind, cron, zone);
        if (schedule.Expression.GetNextValidTimeAfter(DateTimeOffset.UtcNow) is null)
            throw new InvalidSettingException($"{prefix}:Cron '{cron}' never fires again.");
        return schedule;
    }

    /// <summary>The latest fire at or before <paramref name="at"/>, found by widening a window back until one falls in it.</summary>
    public DateTimeOffset? LatestFireAtOrBefore(DateTimeOffset at)
    {
        for (var window = TimeSpan.FromSeconds(1); window < TimeSpan.FromDays(3 * 366); window *= 2)
        {
            if (Expression.GetNextValidTimeAfter(at - window) is not { } fire || fire > at)
                continue;
            while (Expression.GetNextValidTimeAfter(fire) is { } next && next <= at)
                fire = next;
            return fire;
        }
        return null;
    }

    public ReportPeriod PeriodOf(DateTimeOffset fire)
    {
        var local = TimeZoneInfo.ConvertTime(fire, Zone).DateTime;
        var name = Cadence switch
        {
            Cadence.Yearly => local.ToString("yyyy", CultureInfo.InvariantCulture),
            Cadence.Monthly => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Cadence.Weekly => $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}",
            Cadence.Daily => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        };
        return new ReportPeriod(name, DateOnly.FromDateTime(local));
    }

    /// <summary>The first and last day of a period spelled as this cadence names periods; null when it is spelled otherwise.</summary>
    public (DateOnly First, DateOnly Last, string Name)? Parse(string period)
    {
        var text = period.Trim();
        switch (Cadence)
        {
            case Cadence.Yearly when Regex.IsMatch(text, @"^\d{4}$"):
                var year = int.Parse(text, CultureInfo.InvariantCulture);
                return year < 1 ? null : (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), text);
            case Cadence.Monthly when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var month):
                return (month, month.AddMonths(1).AddDays(-1), text);
            case Cadence.Weekly when Regex.Match(text, @"^(\d{4})-W(\d{2})$") is { Success: true } m:
                var (weekYear, week) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                if (weekYear < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(weekYear))
                    return null;
                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, DayOfWeek.Monday));
                return (monday, monday.AddDays(6), text);
            case Cadence.Daily when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var day):
                return (day, day, text);
            case Cadence.FinerThanDaily when DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local):
                var fire = new DateTimeOffset(local, Zone.GetUtcOffset(local));
                return Expression.IsSatisfiedBy(fire) ? (DateOnly.FromDateTime(local), DateOnly.FromDateTime(local), text) : null;
            default:
                return null;
        }
    }

    /// <summary>The shortest of a few gaps between consecutive fires from a fixed instant, so it does not depend on today.</summary>
    private static Cadence CadenceOf(CronExpression expression)
    {
        var shortest = TimeSpan.MaxValue;
        var fire = expression.GetNextValidTimeAfter(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 6 && fire is { } current && expression.GetNextValidTimeAfter(current) is { } next; i++, fire = next)
            shortest = next - current < shortest ? next - current : shortest;
        return shortest switch
        {
            _ when shortest >= TimeSpan.FromDays(360) => Cadence.Yearly,
            _ when shortest >= TimeSpan.FromDays(28) => Cadence.Monthly,
            _ when shortest >= TimeSpan.FromDays(7) => Cadence.Weekly,
            _ when shortest >= TimeSpan.FromHours(23) => Cadence.Daily,
            _ => Cadence.FinerThanDaily,
        };
    }
}

/// <summary>The four schedules, read and checked once at start.</summary>
public sealed class ReportSchedules : IReportSchedules
{
    public const string Section = "Reports:Schedules";
    private const string DefaultZone = "Asia/Shanghai";

    private readonly IReadOnlyDictionary<ReportKind, ReportSchedule> _schedules;

    public ReportSchedules(IConfiguration configuration)
    {
        _schedules = new Dictionary<ReportKind, ReportSchedule>
        {
            [ReportKind.Overdue] = ReportSchedule.From(configuration, ReportKind.Overdue, "0 0 8 * * ?", DefaultZone),
            [ReportKind.Progress] = ReportSchedule.From(configuration, ReportKind.Progress, "0 0 8 ? * MON", DefaultZone),
            [ReportKind.Ranking] = ReportSchedule.From(configuration, ReportKind.Ranking, "0 0 8 1 * ?", DefaultZone),
            [ReportKind.Summary] = ReportSchedule.From(configuration, ReportKind.Summary, "0 0 8 1 12 ?", DefaultZone),
        };
    }

    public IEnumerable<ReportSchedule> All => _schedules.Values;

    public ReportSchedule Of(ReportKind kind) => _schedules[kind];

    public ReportPeriod PeriodAt(ReportKind kind, DateTimeOffset at)
    {
        var schedule = Of(kind);
        return schedule.LatestFireAtOrBefore(at) is { } fire
            ? schedule.PeriodOf(fire)
            : throw InvalidField.Because("period", $"The {Words.Of(kind)} schedule has not fired yet; name a period.");
    }

    public ReportPeriod Named(ReportKind kind, string period, DateTimeOffset now)
    {
        var schedule = Of(kind);
        if (schedule.Parse(period) is not { } parsed)
            throw InvalidField.Because("period", $"'{period}' is not a period of the {Words.Of(kind)} schedule, whose periods are " +
                                                 $"named like {schedule.PeriodOf(now).Name}.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, schedule.Zone).DateTime);
        if (parsed.First > today)
            throw InvalidField.Because("period", $"Period {parsed.Name} has not begun (today is {today:yyyy-MM-dd}).");
        return new ReportPeriod(parsed.Name, parsed.Last < today ? parsed.Last : today);
    }
}
