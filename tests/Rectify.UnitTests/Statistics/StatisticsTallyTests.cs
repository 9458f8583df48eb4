using Rectify.Application.Statistics;

namespace Rectify.UnitTests.Statistics;

public sealed class StatisticsTallyTests
{
    [Test]
    public void Add_SumsTheCountsAndCountsEachAspectOnce()
    {
        var tally = new StatisticsTally();

        tally.Add(new StatisticsCounts { Items = 2, Completed = 1, Overdue = 1, MeasuresTotal = 4, MeasuresImplemented = 3, Recurrences = 2 }, "作风建设方面");
        tally.Add(new StatisticsCounts { Items = 3, Completed = 3, OverdueAgainstOriginal = 2, MeasuresTotal = 4, MeasuresImplemented = 4, RecurredItems = 1 }, "作风建设方面");
        tally.Add(new StatisticsCounts { Items = 1, NotStarted = 1, DueByYearEnd = 1, AwaitingSignOff = 1 }, null);

        Assert.That(tally.Counts, Is.EqualTo(new StatisticsCounts
        {
            Items = 6, Aspects = 1, NotStarted = 1, Completed = 4, DueByYearEnd = 1, AwaitingSignOff = 1, Overdue = 1,
            OverdueAgainstOriginal = 2, MeasuresTotal = 8, MeasuresImplemented = 7, Recurrences = 2, RecurredItems = 1,
        }));
        Assert.That((tally.Counts.CompletionRate, tally.Counts.MeasureRate), Is.EqualTo((66.7m, 87.5m)));
    }

    [Test]
    public void Counts_WhenNothingAdded_AreZero() =>
        Assert.That(new StatisticsTally().Counts, Is.EqualTo(new StatisticsCounts()));
}
