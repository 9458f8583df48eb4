using Rectify.Domain.Items;

namespace Rectify.Application.Common;

/// <summary>Office settings: its time zone decides what "today" is; warning thresholds are local custom.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    public string TimeZone { get; set; } = "Asia/Shanghai";
    public int WarningBlueDays { get; set; } = 7;
    public int WarningYellowDays { get; set; } = 3;

    /// <summary>The chain used when configuration names none: the county office, then the city office (the seeds).</summary>
    public static readonly IReadOnlyList<string> BuiltInSignOffSteps = ["县整改办审核", "市整改办销号"];

    /// <summary>
    /// Default sign-off chain per inspection kind (snake_case key), and under "default" for the rest. Empty here:
    /// the configuration binder would append configured steps to any list set in code.
    /// </summary>
    public Dictionary<string, string[]> SignOffSteps { get; set; } = [];

    public IReadOnlyList<string> DefaultSignOffSteps(string kind) =>
        SignOffSteps.TryGetValue(kind, out var steps) || SignOffSteps.TryGetValue("default", out steps)
            ? steps
            : BuiltInSignOffSteps;
}

/// <summary>"Today" in the office's time zone, and the deadline judgement that hangs on it.</summary>
public sealed class OfficeCalendar(TimeProvider clock, OfficeOptions options)
{
    private readonly TimeZoneInfo _zone = ZoneOf(options.TimeZone);

    public WarningThresholds Thresholds { get; } = new(options.WarningBlueDays, options.WarningYellowDays);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>The instant an office day begins (its midnight in the office's zone).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
    }

    /// <summary>The office's offset from UTC on a day (the reports read completion days in it).</summary>
    public TimeSpan OffsetOn(DateOnly day) => _zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue));

    public Deadline Evaluate(Item item, DateOnly? asOf = null) =>
        Evaluate(item.DueDate, item.ProgressStatus, item.ScheduleStatus, asOf);

    /// <summary>The one deadline judgement, for an aggregate after a save and for a row read straight from SQL.</summary>
    public Deadline Evaluate(DateOnly? dueDate, ProgressStatus progress, ScheduleStatus? schedule, DateOnly? asOf = null) =>
        Deadline.Evaluate(dueDate, progress, schedule, asOf ?? Today, Thresholds);

    private static TimeZoneInfo ZoneOf(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidSettingException($"{OfficeOptions.Section}:TimeZone '{id}' is not a known time zone (e.g. Asia/Shanghai).", e);
        }
    }
}
