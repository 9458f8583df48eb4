namespace Rectify.Domain.Items;

/// <summary>Days before the due date at which warnings start (defaults per DOMAIN: blue 7, yellow 3).</summary>
public sealed record WarningThresholds(int BlueDays = 7, int YellowDays = 3);

/// <summary>
/// What the calendar says about an item today. Overdue (逾期) is derived, never stored: a due date before today
/// and the item not completed. Items without a due date (ongoing only) are never overdue.
/// </summary>
public sealed record Deadline(bool IsOverdue, int OverdueDays, int? DueInDays, WarningLevel WarningLevel)
{
    public static Deadline Evaluate(DateOnly? dueDate, ProgressStatus progress, ScheduleStatus? schedule, DateOnly today,
        WarningThresholds thresholds)
    {
        int? dueIn = dueDate is { } due ? due.DayNumber - today.DayNumber : null;
        if (progress == ProgressStatus.Completed)
            return new Deadline(false, 0, dueIn, WarningLevel.None);
        if (dueIn < 0)
            return new Deadline(true, -dueIn.Value, dueIn, WarningLevel.Red);
        var level = dueIn <= thresholds.YellowDays || schedule == ScheduleStatus.Behind ? WarningLevel.Yellow
            : dueIn <= thresholds.BlueDays ? WarningLevel.Blue
            : WarningLevel.None;
        return new Deadline(false, 0, dueIn, level);
    }
}
