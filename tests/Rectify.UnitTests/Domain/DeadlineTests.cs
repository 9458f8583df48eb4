using Rectify.Domain.Items;

namespace Rectify.UnitTests.Domain;

public sealed class DeadlineTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly WarningThresholds Defaults = new();

    [TestCase(30, WarningLevel.None)]
    [TestCase(8, WarningLevel.None)]
    [TestCase(7, WarningLevel.Blue)]
    [TestCase(4, WarningLevel.Blue)]
    [TestCase(3, WarningLevel.Yellow)]
    [TestCase(1, WarningLevel.Yellow)]
    [TestCase(0, WarningLevel.Yellow)]
    public void Evaluate_WhenDueInDaysOnSchedule_WarnsByThreshold(int dueInDays, WarningLevel expected)
    {
        var deadline = Deadline.Evaluate(Today.AddDays(dueInDays), ProgressStatus.InProgress, ScheduleStatus.OnSchedule, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(false, 0, dueInDays, expected)));
    }

    [TestCase(-1)]
    [TestCase(-45)]
    public void Evaluate_WhenDueDatePassedAndNotCompleted_IsOverdueAndRed(int dueInDays)
    {
        var deadline = Deadline.Evaluate(Today.AddDays(dueInDays), ProgressStatus.BasicallyCompleted, ScheduleStatus.OnSchedule, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(true, -dueInDays, dueInDays, WarningLevel.Red)));
    }

    [Test]
    public void Evaluate_WhenBehindScheduleAndDueFarAway_IsYellow()
    {
        var deadline = Deadline.Evaluate(Today.AddDays(30), ProgressStatus.InProgress, ScheduleStatus.Behind, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(false, 0, 30, WarningLevel.Yellow)));
    }

    [Test]
    public void Evaluate_WhenBehindScheduleAndOverdue_IsRed()
    {
        var deadline = Deadline.Evaluate(Today.AddDays(-2), ProgressStatus.InProgress, ScheduleStatus.Behind, Today, Defaults);

        Assert.That(deadline.WarningLevel, Is.EqualTo(WarningLevel.Red));
    }

    [Test]
    public void Evaluate_WhenCompletedAfterDueDate_IsNeitherOverdueNorWarned()
    {
        var deadline = Deadline.Evaluate(Today.AddDays(-5), ProgressStatus.Completed, ScheduleStatus.Behind, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(false, 0, -5, WarningLevel.None)));
    }

    [Test]
    public void Evaluate_WhenCompletedAndDueSoon_IsNotWarned()
    {
        var deadline = Deadline.Evaluate(Today.AddDays(2), ProgressStatus.Completed, null, Today, Defaults);

        Assert.That(deadline.WarningLevel, Is.EqualTo(WarningLevel.None));
    }

    [TestCase(ProgressStatus.NotStarted)]
    [TestCase(ProgressStatus.InProgress)]
    public void Evaluate_WhenNoDueDate_IsNeverOverdue(ProgressStatus progress)
    {
        var deadline = Deadline.Evaluate(null, progress, null, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(false, 0, null, WarningLevel.None)));
    }

    [Test]
    public void Evaluate_WhenNoDueDateButBehind_IsYellowNotOverdue()
    {
        var deadline = Deadline.Evaluate(null, ProgressStatus.InProgress, ScheduleStatus.Behind, Today, Defaults);

        Assert.That(deadline, Is.EqualTo(new Deadline(false, 0, null, WarningLevel.Yellow)));
    }

    [TestCase(15, WarningLevel.None)]
    [TestCase(14, WarningLevel.Blue)]
    [TestCase(6, WarningLevel.Blue)]
    [TestCase(5, WarningLevel.Yellow)]
    public void Evaluate_WhenThresholdsConfigured_UsesThem(int dueInDays, WarningLevel expected)
    {
        var deadline = Deadline.Evaluate(Today.AddDays(dueInDays), ProgressStatus.InProgress, null, Today, new WarningThresholds(14, 5));

        Assert.That(deadline.WarningLevel, Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_WhenDueDateCrossesMonthEnd_CountsCalendarDays()
    {
        var deadline = Deadline.Evaluate(new DateOnly(2026, 3, 1), ProgressStatus.InProgress, null, new DateOnly(2026, 2, 22), Defaults);

        Assert.That(deadline.DueInDays, Is.EqualTo(7));
        Assert.That(deadline.WarningLevel, Is.EqualTo(WarningLevel.Blue));
    }
}
