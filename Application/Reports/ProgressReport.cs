using Rectify.Application.Common;
using Rectify.Application.Statistics;
using static Rectify.Application.Reports.ReportTables;

namespace Rectify.Application.Reports;

/// <summary>
/// 周推进: per inspection the seed figures as of the day, and what changed after <see cref="ReportRequest.Since"/> up to
/// and including the as-of day: items completed and signed off on those office days, and open items whose due date
/// fell in [since, asOf), which became overdue in the window. Without a since, the week before.
/// </summary>
public sealed class ProgressReport(InspectionFigures inspections, IReportStore store, OfficeCalendar calendar) : IReportKind
{
    public ReportKind Kind => ReportKind.Progress;

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        Column("inspection", "督察来源"),
        Column("kind", "类型"),
        Column("items", "问题总数"),
        Column("completed", "已完成整改"),
        Column("inProgress", "尚在推进整改中"),
        Column("awaitingSignOff", "已完成待销号"),
        Column("signedOff", "已销号"),
        Column("measureRate", "措施完成率(%)"),
        Column("dueByYearEnd", "年底前到期"),
        Column("newlyCompleted", "新完成整改"),
        Column("newlySignedOff", "新销号"),
        Column("newlyOverdue", "新逾期"),
    ];

    public async Task<ReportContent> BuildAsync(ReportRequest request, ReportCriteria criteria,
        CancellationToken cancellationToken)
    {
        var since = request.Since ?? request.AsOf.AddDays(-7);
        var (figures, total) = await inspections.CountAsync(request, criteria, cancellationToken);
        var window = new ChangeWindow(calendar.StartOf(since.AddDays(1)), calendar.StartOf(request.AsOf.AddDays(1)), since,
            request.AsOf);
        var changes = (await store.CountChangesAsync(criteria, window, cancellationToken)).ToDictionary(c => c.InspectionId);
        InspectionChanges ChangesOf(Guid id) => changes.GetValueOrDefault(id) ?? new InspectionChanges { InspectionId = id };

        return new ReportContent(new Dictionary<string, object?>
        {
            ["since"] = since,
            ["items"] = total.Items,
            ["completed"] = total.Completed,
            ["inProgress"] = total.Items - total.Completed,
            ["awaitingSignOff"] = total.AwaitingSignOff,
            ["signedOff"] = total.SignedOff,
            ["measureRate"] = total.MeasureRate,
            ["dueByYearEnd"] = total.DueByYearEnd,
            ["newlyCompleted"] = changes.Values.Sum(c => c.NewlyCompleted),
            ["newlySignedOff"] = changes.Values.Sum(c => c.NewlySignedOff),
            ["newlyOverdue"] = changes.Values.Sum(c => c.NewlyOverdue),
        },
        [
            Section("inspections", "整改进展", Columns, figures.Select(f =>
            {
                var (c, changed) = (f.Counts, ChangesOf(f.Inspection.Id));
                return new object?[]
                {
                    f.Inspection.Title, f.Inspection.Kind, c.Items, c.Completed, c.Items - c.Completed, c.AwaitingSignOff,
                    c.SignedOff, c.MeasureRate, c.DueByYearEnd, changed.NewlyCompleted, changed.NewlySignedOff,
                    changed.NewlyOverdue,
                };
            })),
        ]);
    }
}
