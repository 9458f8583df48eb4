using Rectify.Application.Statistics;
using static Rectify.Application.Reports.ReportTables;

namespace Rectify.Application.Reports;

/// <summary>The year-end summary: per inspection the seed sentences (<see cref="SummarySentences"/>) and the figures behind them.</summary>
public sealed class SummaryReport(InspectionFigures inspections) : IReportKind
{
    public ReportKind Kind => ReportKind.Summary;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        Column("inspection", "督察来源"),
        Column("kind", "类型"),
        Column("items", "问题总数"),
        Column("aspects", "方面"),
        Column("completed", "已完成整改"),
        Column("inProgress", "尚在推进整改中"),
        Column("completionRate", "完成率(%)"),
        Column("dueByYearEnd", "年底前到期"),
        Column("awaitingSignOff", "已完成待销号"),
        Column("signedOff", "已销号"),
        Column("measuresTotal", "整改措施"),
        Column("measuresImplemented", "已完成措施"),
        Column("measureRate", "措施完成率(%)"),
        Column("recurrences", "反弹次数"),
    ];

    public async Task<ReportContent> BuildAsync(ReportRequest request, ReportCriteria criteria,
        CancellationToken cancellationToken)
    {
        var (figures, total) = await inspections.CountAsync(request, criteria, cancellationToken);
        return new ReportContent(Figures(total, figures.Count),
        [
            Section("inspections", "督察整改情况", Columns, figures.Select(f => new object?[]
            {
                f.Inspection.Title, f.Inspection.Kind, f.Counts.Items, f.Counts.Aspects, f.Counts.Completed,
                f.Counts.Items - f.Counts.Completed, f.Counts.CompletionRate, f.Counts.DueByYearEnd,
                f.Counts.AwaitingSignOff, f.Counts.SignedOff, f.Counts.MeasuresTotal, f.Counts.MeasuresImplemented,
                f.Counts.MeasureRate, f.Counts.Recurrences,
            })),
        ],
        figures.SelectMany(f => SummarySentences.For(f.Kind, f.Inspection.Title, f.Counts, request.AsOf)).ToList());
    }

    private static Dictionary<string, object?> Figures(StatisticsCounts c, int inspections) => new()
    {
        ["inspections"] = inspections,
        ["items"] = c.Items,
        ["aspects"] = c.Aspects,
        ["completed"] = c.Completed,
        ["inProgress"] = c.Items - c.Completed,
        ["completionRate"] = c.CompletionRate,
        ["dueByYearEnd"] = c.DueByYearEnd,
        ["awaitingSignOff"] = c.AwaitingSignOff,
        ["signedOff"] = c.SignedOff,
        ["measuresTotal"] = c.MeasuresTotal,
        ["measuresImplemented"] = c.MeasuresImplemented,
        ["measureRate"] = c.MeasureRate,
        ["recurrences"] = c.Recurrences,
        ["recurredItems"] = c.RecurredItems,
    };
}
