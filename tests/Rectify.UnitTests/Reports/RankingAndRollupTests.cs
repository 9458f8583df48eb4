using Rectify.Application.Reports;

namespace Rectify.UnitTests.Reports;

public sealed class RankingAndRollupTests
{
    private static ReportUnit Unit(string code, params Guid[] path) => new()
    {
        Id = path[^1], Code = code, Name = code, Path = "/" + string.Concat(path.Select(id => id.ToString("N") + "/")),
    };

    [Test]
    public void Rollup_AddsEachUnitsCountsToEveryUnitAboveIt()
    {
        var (county, town, village, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var units = new[] { Unit("C", county), Unit("T", county, town), Unit("V", county, town, village), Unit("O", other) };
        var own = new Dictionary<Guid, int[]> { [town] = [1, 0], [village] = [2, 1] };

        var rolled = UnitRollup.Of(units, own, 2);

        Assert.That(rolled.Select(r => (r.Unit.Code, r.Depth, r.Own[0], r.Subtree[0], r.Own[1], r.Subtree[1])),
            Is.EqualTo(new[] { ("C", 0, 0, 3, 0, 1), ("T", 1, 1, 3, 0, 1), ("V", 2, 2, 2, 1, 1) }),
            "a unit without counts in its subtree is left out");
    }

    [Test]
    public void Ranked_BreaksTiesByOverdueThenOnTimeRateThenCode()
    {
        RankingEntry Entry(string code, int items, int completed, int overdue, int assessed, int onTime) =>
            new(Unit(code, Guid.NewGuid()), new RankingCounts
            {
                Items = items, Completed = completed, Overdue = overdue, Assessed = assessed, OnTime = onTime,
            });
        var entries = new[]
        {
            Entry("E", 4, 2, 1, 2, 2), Entry("B", 2, 2, 0, 2, 2), Entry("D", 4, 2, 0, 2, 1), Entry("A", 2, 2, 0, 2, 2),
            Entry("C", 2, 1, 0, 1, 1), Entry("F", 3, 1, 0, 3, 1),
        };

        var ranked = RankingEntry.Ranked(entries);

        Assert.That(ranked.Select(e => e.Unit.Code), Is.EqualTo(new[] { "A", "B", "C", "D", "E", "F" }));
    }

    [Test]
    public void OnTimeRate_OfAUnitWithNothingAssessed_IsZero() =>
        Assert.That(new RankingEntry(Unit("A", Guid.NewGuid()), new RankingCounts { Items = 1 }).OnTimeRate, Is.EqualTo(0m));
}
