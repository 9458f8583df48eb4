using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.UnitTests.Statistics;

public sealed class StatisticsCountsTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 15);

    private static StatisticsItem Item(ProgressStatus progress = ProgressStatus.InProgress, string? aspect = null,
        DateOnly? due = null, DateOnly? originalDue = null, SignOffStatus signOff = SignOffStatus.None, int recurrences = 0,
        int measures = 0, int implemented = 0) =>
        new(Guid.NewGuid(), Guid.Empty, "巡察反馈", InspectionKind.PartyInspection, ItemCategory.Other, aspect, progress, signOff,
            due, originalDue ?? due, recurrences, measures, implemented);

    [Test]
    public void Of_WhenNoItems_RatesAreZero()
    {
        var counts = StatisticsCounts.Of([], AsOf);

        Assert.That((counts.Items, counts.CompletionRate, counts.MeasureRate), Is.EqualTo((0, 0m, 0m)));
    }

    [TestCase(1, 3, 33.3)]
    [TestCase(2, 3, 66.7)]
    [TestCase(1, 8, 12.5)]
    [TestCase(1, 16, 6.3)]
    [TestCase(3, 3, 100.0)]
    public void Percent_RoundsToOneDecimalHalfAwayFromZero(int part, int whole, decimal expected) =>
        Assert.That(StatisticsCounts.Percent(part, whole), Is.EqualTo(expected));

    [Test]
    public void Of_CountsDistinctNonEmptyAspects()
    {
        var counts = StatisticsCounts.Of(
            [Item(aspect: "政治建设方面"), Item(aspect: " 政治建设方面 "), Item(aspect: "作风建设方面"), Item(aspect: ""), Item()], AsOf);

        Assert.That(counts.Aspects, Is.EqualTo(2));
    }

    [Test]
    public void Of_JudgesOverdueAndYearEndOnOpenItemsOnly()
    {
        var counts = StatisticsCounts.Of(
        [
            Item(due: new DateOnly(2026, 3, 14)),
            Item(due: new DateOnly(2026, 6, 30), originalDue: new DateOnly(2026, 3, 1)),
            Item(ProgressStatus.Completed, due: new DateOnly(2026, 1, 1)),
            Item(due: new DateOnly(2026, 3, 15)),
            Item(due: new DateOnly(2027, 1, 1)),
            Item(),
        ], AsOf);

        Assert.That((counts.Overdue, counts.OverdueAgainstOriginal, counts.DueByYearEnd), Is.EqualTo((1, 2, 3)));
    }

    [Test]
    public void Of_CountsSignOffRecurrenceAndMeasures()
    {
        var counts = StatisticsCounts.Of(
        [
            Item(ProgressStatus.Completed, signOff: SignOffStatus.SignedOff, measures: 2, implemented: 2),
            Item(ProgressStatus.Completed, signOff: SignOffStatus.Requested, measures: 1, implemented: 1),
            Item(ProgressStatus.Completed, signOff: SignOffStatus.Returned),
            Item(ProgressStatus.InProgress, recurrences: 2, measures: 3, implemented: 1),
            Item(ProgressStatus.BasicallyCompleted, recurrences: 1),
            Item(ProgressStatus.NotStarted),
        ], AsOf);

        Assert.That(counts, Is.EqualTo(new StatisticsCounts
        {
            Items = 6, NotStarted = 1, InProgress = 1, BasicallyCompleted = 1, Completed = 3, CompletionRate = 50m,
            AwaitingSignOff = 1, Returned = 1, SignedOff = 1, MeasuresTotal = 6, MeasuresImplemented = 4, MeasureRate = 66.7m,
            Recurrences = 3, RecurredItems = 2,
        }));
    }
}
