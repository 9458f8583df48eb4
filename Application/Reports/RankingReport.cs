using Rectify.Application.Common;
using Rectify.Application.Statistics;
using static Rectify.Application.Reports.ReportTables;

namespace Rectify.Application.Reports;

/// <summary>A unit's place in the ranking, with the rates it is ranked by (percent, one decimal).</summary>
public sealed record RankingEntry(ReportUnit Unit, RankingCounts Counts)
{
    public decimal CompletionRate => StatisticsCounts.Percent(Counts.Completed, Counts.Items);
    public decimal OnTimeRate => StatisticsCounts.Percent(Counts.OnTime, Counts.Assessed);

    /// <summary>
    /// The ranking order: completion rate descending, then overdue count ascending, then on-time rate descending, then
    /// unit code ascending (ordinal), so equal figures always come out in the same order. Rates compare as shown (one
    /// decimal), so two units whose rates read the same are tied on them.
    /// </summary>
    public static IReadOnlyList<RankingEntry> Ranked(IEnumerable<RankingEntry> entries) =>
        entries.OrderByDescending(e => e.CompletionRate).ThenBy(e => e.Counts.Overdue).ThenByDescending(e => e.OnTimeRate)
            .ThenBy(e => e.Unit.Code, StringComparer.Ordinal).ToList();
}

/// <summary>
/// 月评比: the units ranked by the items they lead (the 牵头 role; each item counts for its one lead unit). Completion
/// rate: completed / led items. Overdue: led items open past their due date as of the day. On-time rate: items completed
/// on or before their original due date (the date first set, before extensions; an item without one counts as on time
/// when completed) over the assessed items, those completed or open with the original due date before the as-of day.
/// Order: see <see cref="RankingEntry.Ranked"/>. A unit key, or a unitId, ranks the units of that subtree only.
/// </summary>
public sealed class RankingReport(IReportStore store, OfficeCalendar calendar) : IReportKind
{
    public const string Order = "completionRate desc, overdue asc, onTimeRate desc, unitCode asc";

    public ReportKind Kind => ReportKind.Ranking;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        Column("rank", "名次"),
        Column("unitCode", "单位编码"),
        Column("unit", "单位"),
        Column("items", "牵头问题数"),
        Column("completed", "已完成整改"),
        Column("open", "未完成"),
        Column("completionRate", "完成率(%)"),
        Column("overdue", "逾期"),
        Column("assessed", "应按期完成"),
        Column("onTime", "按期完成"),
        Column("onTimeRate", "按期完成率(%)"),
    ];

    public async Task<ReportContent> BuildAsync(ReportRequest request, ReportCriteria criteria,
        CancellationToken cancellationToken)
    {
        var counts = await store.CountRankingAsync(criteria, request.AsOf, calendar.OffsetOn(request.AsOf), cancellationToken);
        var units = (await store.UnitsAsync(cancellationToken)).ToDictionary(u => u.Id);
        var ranked = RankingEntry.Ranked(counts.Where(c => units.ContainsKey(c.UnitId))
            .Select(c => new RankingEntry(units[c.UnitId], c))
            .Where(e => criteria.Reaches(e.Unit.Path)));

        return new ReportContent(new Dictionary<string, object?>
        {
            ["units"] = ranked.Count,
            ["order"] = Order,
        },
        [
            Section("ranking", "单位评比", Columns, ranked.Select((e, i) => new object?[]
            {
                i + 1, e.Unit.Code, e.Unit.Name, e.Counts.Items, e.Counts.Completed, e.Counts.Items - e.Counts.Completed,
                e.CompletionRate, e.Counts.Overdue,
                e.Counts.Assessed, e.Counts.OnTime, e.OnTimeRate,
            })),
        ]);
    }
}
