namespace Rectify.Application.Reports;

/// <summary>
/// A report as of a date. <paramref name="ScopePattern"/> is a unit key's item scope (AccessPolicy.ItemScopeAsync),
/// null for an office key. <paramref name="Since"/> is where the progress report's "what changed" starts (exclusive):
/// the previous run's as-of date for a run.
/// </summary>
public sealed record ReportRequest(ReportKind Kind, DateOnly AsOf, Guid? InspectionId, Guid? UnitId, string? ScopePattern,
    DateOnly? Since = null);

/// <summary>Makes a report's document; its sections read from the database as they are enumerated.</summary>
public interface IReportBuilder
{
    Task<ReportDocument> BuildAsync(ReportRequest request, CancellationToken cancellationToken);
}

/// <summary>Writes a document in a format, and reads back the JSON it wrote (how stored runs are kept).</summary>
public interface IReportRenderer
{
    string ContentType(ReportFormat format);

    /// <summary>Writes the document, enumerating each section's rows once, without holding them all.</summary>
    Task WriteAsync(ReportDocument document, ReportFormat format, Stream output, CancellationToken cancellationToken);

    /// <summary>The document of JSON written by <see cref="WriteAsync"/> (how a stored run is rendered as CSV or XLSX).</summary>
    Task<ReportDocument> ReadJsonAsync(Stream json, CancellationToken cancellationToken);
}
