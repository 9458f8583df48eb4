using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;

namespace Rectify.Application.Reports;

/// <summary>One kind of report: its figures, sentences and sections over the items the criteria select.</summary>
public interface IReportKind
{
    ReportKind Kind { get; }

    Task<ReportContent> BuildAsync(ReportRequest request, ReportCriteria criteria, CancellationToken cancellationToken);
}

public sealed record ReportContent(IReadOnlyDictionary<string, object?> Figures, IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string>? Sentences = null);

/// <summary>Turns a request into item criteria and hands it to the builder of its kind.</summary>
public sealed class ReportBuilder(IEnumerable<IReportKind> kinds, IUnitStore units, OfficeCalendar calendar) : IReportBuilder
{
    private readonly IReadOnlyDictionary<ReportKind, IReportKind> _kinds = kinds.ToDictionary(k => k.Kind);

    public async Task<ReportDocument> BuildAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        string? unitPattern = null;
        if (request.UnitId is { } unitId)
            unitPattern = (await units.FindAsync(unitId, cancellationToken) ?? throw new NotFoundException("Unit", unitId))
                .SubtreePattern;
        var criteria = new ReportCriteria(request.InspectionId, unitPattern, request.ScopePattern);
        var content = await _kinds[request.Kind].BuildAsync(request, criteria, cancellationToken);
        return new ReportDocument
        {
            Kind = request.Kind,
            AsOf = request.AsOf,
            GeneratedAt = calendar.Now,
            Scope = new ReportScope(request.InspectionId, request.UnitId),
            Figures = content.Figures,
            Sentences = content.Sentences ?? [],
            Sections = content.Sections,
        };
    }
}

/// <summary>Shorthands for the builders' tables.</summary>
internal static class ReportTables
{
    public static ReportSection Section(string name, string title, IReadOnlyList<ReportColumn> columns,
        IEnumerable<object?[]> rows) => new(name, title, columns, rows.ToAsyncEnumerable());

    public static ReportColumn Column(string key, string header) => new(key, header);
}
