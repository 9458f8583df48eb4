using Rectify.Application.Statistics;

namespace Rectify.UnitTests.Statistics;

public sealed class GetStatisticsValidatorTests
{
    private static readonly GetStatisticsValidator Validator = new();

    private static IEnumerable<string> Invalid(GetStatisticsQuery query) =>
        Validator.Validate(query).Errors.Select(e => e.PropertyName);

    [Test]
    public void Validate_WhenGroupByMissing_FailsOnGroupBy() =>
        Assert.That(Invalid(new GetStatisticsQuery(null)), Is.EqualTo(new[] { "GroupBy" }));

    [TestCase(StatisticsGroupBy.Inspection)]
    [TestCase(StatisticsGroupBy.Category)]
    [TestCase(StatisticsGroupBy.Status)]
    public void Validate_WhenRollUpWithoutGroupingByUnit_FailsOnRollUp(StatisticsGroupBy groupBy) =>
        Assert.That(Invalid(new GetStatisticsQuery(groupBy, RollUp: true)), Is.EqualTo(new[] { "RollUp" }));

    [Test]
    public void Validate_WhenRollUpByUnit_Passes() =>
        Assert.That(Invalid(new GetStatisticsQuery(StatisticsGroupBy.Unit, RollUp: true)), Is.Empty);

    [Test]
    public void Validate_WhenIncludeSubUnitsWithoutUnit_FailsOnIncludeSubUnits() =>
        Assert.That(Invalid(new GetStatisticsQuery(StatisticsGroupBy.Unit, IncludeSubUnits: true)),
            Is.EqualTo(new[] { "IncludeSubUnits" }));

    [Test]
    public void Validate_WhenIncludeSubUnitsWithUnit_Passes() =>
        Assert.That(Invalid(new GetStatisticsQuery(StatisticsGroupBy.Unit, UnitId: Guid.NewGuid(), IncludeSubUnits: true)), Is.Empty);
}
