using Rectify.Application.Common;

namespace Rectify.Infrastructure.Scheduling;

/// <summary><c>Reports:Scheduling</c>: whether this instance takes part in running the schedules, and how quickly instances notice each other.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Reports:Scheduling";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often an instance reports that it is alive: Quartz's cluster check-in on SQL Server, the renewal of the
    /// scheduler lease on SQLite (which lasts three of these). A dead instance's work is taken over after about that long.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How late a fire may be and still count as on time; later, it is a misfire and fires once, now (the catch-up).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LeaseDuration => CheckinInterval * 3;

    public SchedulingOptions Validated() =>
        CheckinInterval <= TimeSpan.Zero || MisfireThreshold <= TimeSpan.Zero
            ? throw new InvalidSettingException($"{Section}:CheckinInterval and {Section}:MisfireThreshold must be positive.")
            : this;
}
