using Rectify.Application.Statistics;

namespace Rectify.UnitTests.Statistics;

/// <summary>The counts come from SQL (checked against the old in-memory counting in the integration tests); the rates follow here.</summary>
public sealed class StatisticsCountsTests
{
    [Test]
    public void Rates_WhenNoItems_AreZero()
    {
        var counts = new StatisticsCounts();

        Assert.That((counts.Items, counts.CompletionRate, counts.MeasureRate), Is.EqualTo((0, 0m, 0m)));
    }

    [Test]
    public void Rates_FollowFromTheCounts()
    {
        var counts = new StatisticsCounts { Items = 6, Completed = 3, MeasuresTotal = 6, MeasuresImplemented = 4 };

        Assert.That((counts.CompletionRate, counts.MeasureRate), Is.EqualTo((50m, 66.7m)));
    }

    [TestCase(1, 3, 33.3)]
    [TestCase(2, 3, 66.7)]
    [TestCase(1, 8, 12.5)]
    [TestCase(1, 16, 6.3)]
    [TestCase(3, 3, 100.0)]
    public void Percent_RoundsToOneDecimalHalfAwayFromZero(int part, int whole, decimal expected) =>
        Assert.That(StatisticsCounts.Percent(part, whole), Is.EqualTo(expected));
}
