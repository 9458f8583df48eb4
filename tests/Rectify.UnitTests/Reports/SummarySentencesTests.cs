using Rectify.Application.Reports;
using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;

namespace Rectify.UnitTests.Reports;

public sealed class SummarySentencesTests
{
    private static readonly DateOnly AsOf = new(2022, 12, 1);

    [Test]
    public void For_APartyInspection_WritesAspectsProblemsMeasuresAndBothPercentages()
    {
        var counts = new StatisticsCounts { Items = 21, Aspects = 4, Completed = 18, MeasuresTotal = 61, MeasuresImplemented = 55 };

        var sentences = SummarySentences.For(InspectionKind.PartyInspection, "县委第四巡察组反馈意见", counts, AsOf);

        Assert.That(sentences[0],
            Is.EqualTo("县委第四巡察组反馈4方面21个具体问题，61条整改措施；完成整改18个，占85.7%；61条整改措施已完成55条，占90.2%。"));
        Assert.That(sentences[1], Is.EqualTo("3个正在推进。"));
    }

    [Test]
    public void For_AProvincialLookback_NamesTheItemsDueByYearEndOnce()
    {
        var counts = new StatisticsCounts { Items = 12, Completed = 10, DueByYearEnd = 2 };

        var sentences = SummarySentences.For(InspectionKind.ProvincialLookback, "第一轮省环保督察“回头看”反馈问题", counts, AsOf);

        Assert.That(sentences, Is.EqualTo(new[]
        {
            "第一轮省环保督察“回头看”反馈问题12个，已完成整改10个，尚在推进整改中2个，未完成整改问题需要限期2022年底之前完成的2个。",
        }));
    }

    [Test]
    public void For_AWarningFilmWithSignOffAndARecurrence_DisclosesAndReportsBoth()
    {
        var counts = new StatisticsCounts
        {
            Items = 1, Completed = 1, AwaitingSignOff = 1, Recurrences = 2, RecurredItems = 1,
        };

        var sentences = SummarySentences.For(InspectionKind.WarningFilm, "2021年长江经济带警示片", counts, AsOf);

        Assert.That(sentences, Is.EqualTo(new[]
        {
            "2021年长江经济带警示片披露问题1个，已完成整改1个，尚在推进整改中0个。",
            "已完成整改的1个问题中，1个销号材料已报送申请销号。",
            "2021年长江经济带警示片披露问题整改后又发现反弹问题1个，共反弹2次。",
        }));
    }

    [Test]
    public void For_ASupervisionCaseReCheckedWithoutRecurrence_SaysNoneCameBack()
    {
        var counts = new StatisticsCounts { Items = 34, Completed = 34 };

        var sentences = SummarySentences.For(InspectionKind.SupervisionCase, "2016年以来中央、省督办件", counts, AsOf);

        Assert.That(sentences, Is.EqualTo(new[]
        {
            "2016年以来中央、省督办件交办问题34个，已完成整改34个，尚在推进整改中0个。",
            "已完成整改的34个问题经复查未发现“死灰复燃”。",
        }));
    }

    [TestCase(100, "100")]
    [TestCase(85.7, "85.7")]
    [TestCase(0, "0")]
    public void Percent_WritesAtMostOneDecimal(decimal value, string text) =>
        Assert.That(SummarySentences.Percent(value), Is.EqualTo(text));
}
