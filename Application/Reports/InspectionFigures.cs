using Rectify.Application.Statistics;
using Rectify.Domain.Common;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Reports;

/// <summary>An inspection with the figures of its items (the statistics' own counts).</summary>
public sealed record InspectionFigure(ReportInspection Inspection, InspectionKind Kind, StatisticsCounts Counts);

/// <summary>
/// The seed figures per inspection, counted by the statistics store, in the order the reports list inspections: by
/// kind (central before provincial…, the order of <see cref="InspectionKind"/>), round, title, id.
/// </summary>
public sealed class InspectionFigures(IStatisticsStore statistics, IReportStore store)
{
    private static readonly IReadOnlyDictionary<string, InspectionKind> Kinds = Enum.GetValues<InspectionKind>().ToDictionary(Words.Of);

    public async Task<(IReadOnlyList<InspectionFigure> Inspections, StatisticsCounts Total)> CountAsync(ReportRequest request,
        ReportCriteria criteria, CancellationToken cancellationToken)
    {
        var rows = await statistics.CountAsync(
            new StatisticsCriteria(request.InspectionId, request.UnitId, criteria.UnitPattern, criteria.ScopePattern),
            StatisticsGroupBy.Inspection, request.AsOf, cancellationToken);
        var inspections = (await store.InspectionsAsync(cancellationToken)).ToDictionary(i => i.Id.ToString());
        var figures = rows.GroupBy(r => r.Key)
            .Select(g => new InspectionFigure(inspections[g.Key], Kinds[inspections[g.Key].Kind],
                StatisticsTally.Of(g.Select(r => (r.Counts, r.Aspect)))))
            .OrderBy(f => f.Kind).ThenBy(f => f.Inspection.Round ?? 0)
            .ThenBy(f => f.Inspection.Title, StringComparer.Ordinal).ThenBy(f => f.Inspection.Id)
            .ToList();
        return (figures, StatisticsTally.Of(rows.Select(r => (r.Counts, r.Aspect))));
    }
}
