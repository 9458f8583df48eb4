using System.Globalization;
using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Reports;

/// <summary>
/// The sentences of the year-end summaries (../shared/seeds), written from an inspection's figures. Most sources take
/// "{title}反馈问题N个，已完成整改N个，尚在推进整改中N个" (a warning film 披露, a supervision case or petition 交办),
/// with the items due by year end when there are any; a party inspection (巡察) takes "{title}反馈N方面N个具体问题，N条整改
/// 措施；完成整改N个，占N%；N条整改措施已完成N条，占N%". Sign-off and recurrences (反弹) follow in sentences of their
/// own; supervision cases and petitions, which offices re-check, say so when none came back.
/// Percentages have at most one decimal (85.7, 100).
/// </summary>
public static class SummarySentences
{
    public static IReadOnlyList<string> For(InspectionKind kind, string title, StatisticsCounts c, DateOnly asOf)
    {
        var remaining = c.Items - c.Completed;
        var noun = kind switch
        {
            InspectionKind.WarningFilm => "披露问题",
            InspectionKind.SupervisionCase or InspectionKind.Petition => "交办问题",
            _ => "反馈问题",
        };
        // Titles often end in the noun already (第一轮省生态环境保护督察反馈问题): the sentence says it once.
        var subject = Subject(title, noun);
        var dueByYearEnd = $"未完成整改问题需要限期{asOf.Year}年底之前完成的{c.DueByYearEnd}个";
        var sentences = new List<string>();
        if (kind == InspectionKind.PartyInspection)
        {
            var aspects = c.Aspects > 0 ? $"{c.Aspects}方面" : "";
            sentences.Add($"{subject}反馈{aspects}{c.Items}个具体问题，{c.MeasuresTotal}条整改措施；完成整改{c.Completed}个，" +
                          $"占{Percent(c.CompletionRate)}%；{c.MeasuresTotal}条整改措施已完成{c.MeasuresImplemented}条，" +
                          $"占{Percent(c.MeasureRate)}%。");
            if (remaining > 0)
                sentences.Add($"{remaining}个正在推进" + (c.DueByYearEnd > 0 ? $"，{dueByYearEnd}。" : "。"));
        }
        else
        {
            sentences.Add($"{subject}{noun}{c.Items}个，已完成整改{c.Completed}个，尚在推进整改中{remaining}个" +
                          (c.DueByYearEnd > 0 ? $"，{dueByYearEnd}。" : "。"));
        }

        var signOff = new[]
        {
            c.SignedOff > 0 ? $"已销号{c.SignedOff}个" : null,
            c.AwaitingSignOff > 0 ? $"{c.AwaitingSignOff}个销号材料已报送申请销号" : null,
        }.OfType<string>().ToList();
        if (signOff.Count > 0)
            sentences.Add($"已完成整改的{c.Completed}个问题中，{string.Join("，", signOff)}。");
        if (c.Recurrences > 0)
            sentences.Add($"{subject}{noun}整改后又发现反弹问题{c.RecurredItems}个，共反弹{c.Recurrences}次。");
        else if (kind is InspectionKind.SupervisionCase or InspectionKind.Petition && c.Completed > 0)
            sentences.Add($"已完成整改的{c.Completed}个问题经复查未发现“死灰复燃”。");
        return sentences;
    }

    private static string Subject(string title, string noun)
    {
        foreach (var ending in new[] { noun, "反馈意见", "问题" })
            if (title.Length > ending.Length && title.EndsWith(ending, StringComparison.Ordinal))
                return title[..^ending.Length];
        return title;
    }

    public static string Percent(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
