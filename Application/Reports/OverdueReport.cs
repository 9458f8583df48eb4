using System.Runtime.CompilerServices;
using Rectify.Application.Common;
using Rectify.Domain.Common;
using Rectify.Domain.Items;
using static Rectify.Application.Reports.ReportTables;

namespace Rectify.Application.Reports;

/// <summary>
/// 日碰头: the open items overdue as of the day and those due within the warning window (the blue threshold), each
/// list ordered by the lead unit's place in the unit tree (its path) and then by due date; per lead unit the counts,
/// rolled up the tree (the units within reach of the filters and the key); the totals as figures. The two lists are read from the database while they are written out.
/// </summary>
public sealed class OverdueReport(IReportStore store, OfficeCalendar calendar) : IReportKind
{
    private static readonly IReadOnlyDictionary<string, ProgressStatus> Progress =
        Enum.GetValues<ProgressStatus>().ToDictionary(Words.Of);

    private static readonly IReadOnlyDictionary<string, ScheduleStatus> Schedule =
        Enum.GetValues<ScheduleStatus>().ToDictionary(Words.Of);

    private static readonly IReadOnlyDictionary<WarningLevel, string> Levels =
        Enum.GetValues<WarningLevel>().ToDictionary(l => l, Words.Of);

    public ReportKind Kind => ReportKind.Overdue;

    public static IReadOnlyList<ReportColumn> ItemColumns(bool overdue) =>
    [
        Column("code", "问题编号"),
        Column("title", "问题"),
        Column("inspection", "督察来源"),
        Column("leadUnit", "牵头单位"),
        Column("dueDate", "整改时限"),
        Column("originalDueDate", "原定时限"),
        overdue ? Column("daysOverdue", "逾期天数") : Column("dueInDays", "剩余天数"),
        Column("progressStatus", "整改进度"),
        Column("scheduleStatus", "进度状态"),
        Column("obstacles", "存在困难"),
        Column("warningLevel", "预警等级"),
    ];

    public static readonly IReadOnlyList<ReportColumn> UnitColumns =
    [
        Column("unitCode", "单位编码"),
        Column("unit", "单位"),
        Column("depth", "层级"),
        Column("overdue", "本单位逾期"),
        Column("overdueWithSubunits", "含下级逾期"),
        Column("dueSoon", "本单位即将到期"),
        Column("dueSoonWithSubunits", "含下级即将到期"),
    ];

    public async Task<ReportContent> BuildAsync(ReportRequest request, ReportCriteria criteria,
        CancellationToken cancellationToken)
    {
        var window = new DeadlineWindow(request.AsOf, request.AsOf.AddDays(calendar.Thresholds.BlueDays));
        var counts = await store.CountDeadlinesByLeadAsync(criteria, window, cancellationToken);
        var units = UnitRollup.Of(await store.UnitsAsync(cancellationToken),
            counts.ToDictionary(c => c.UnitId, c => new[] { c.Overdue, c.DueSoon }), 2);

        var figures = new Dictionary<string, object?>
        {
            ["overdue"] = counts.Sum(c => c.Overdue),
            ["dueSoon"] = counts.Sum(c => c.DueSoon),
            ["dueSoonDays"] = calendar.Thresholds.BlueDays,
            ["overdueLeadUnits"] = counts.Count(c => c.Overdue > 0),
        };
        return new ReportContent(figures,
        [
            new ReportSection("overdue", "逾期问题", ItemColumns(true),
                RowsAsync(criteria, window, true, cancellationToken)),
            new ReportSection("dueSoon", "即将到期问题", ItemColumns(false),
                RowsAsync(criteria, window, false, cancellationToken)),
            Section("units", "单位小计", UnitColumns, units.Where(u => criteria.Reaches(u.Unit.Path)).Select(u => new object?[]
            {
                u.Unit.Code, u.Unit.Name, u.Depth, u.Own[0], u.Subtree[0], u.Own[1], u.Subtree[1],
            })),
        ]);
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(ReportCriteria criteria, DeadlineWindow window,
        bool overdue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in store.ListDeadlinesAsync(criteria, window, overdue, cancellationToken))
        {
            var deadline = calendar.Evaluate(row.DueDate, Progress[row.ProgressStatus],
                row.ScheduleStatus is null ? null : Schedule[row.ScheduleStatus], window.AsOf);
            yield return new object?[]
            {
                row.Code, row.Title, row.Inspection, row.LeadUnit, row.DueDate, row.OriginalDueDate,
                deadline.IsOverdue ? deadline.OverdueDays : deadline.DueInDays, row.ProgressStatus, row.ScheduleStatus,
                row.Obstacles, Levels[deadline.WarningLevel],
            };
        }
    }
}
