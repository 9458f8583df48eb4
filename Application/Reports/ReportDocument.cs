namespace Rectify.Application.Reports;

/// <summary>
/// What a report is made of, whatever its kind: headline figures, sentences (the summary's), and sections, each a
/// table with Chinese headers. A section's rows are streamed: a live report reads them from the database while it is
/// written out, a stored run from its stored JSON. JSON, CSV, XLSX and text are renderings of this one shape.
/// </summary>
public sealed record ReportDocument
{
    public required ReportKind Kind { get; init; }
    public required DateOnly AsOf { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The filters it was made with.</summary>
    public required ReportScope Scope { get; init; }

    /// <summary>Set when the document is a stored run.</summary>
    public ReportRunInfo? Run { get; init; }

    /// <summary>The kind's headline figures, written as a JSON object (names camelCase).</summary>
    public required IReadOnlyDictionary<string, object?> Figures { get; init; }

    public IReadOnlyList<string> Sentences { get; init; } = [];
    public required IReadOnlyList<ReportSection> Sections { get; init; }
}

public sealed record ReportScope(Guid? InspectionId, Guid? UnitId);

/// <param name="Key">The JSON property name of the column (camelCase).</param>
/// <param name="Header">The Chinese header in CSV and XLSX.</param>
public sealed record ReportColumn(string Key, string Header);

/// <summary>One table; every row has one value per column, in column order.</summary>
public sealed record ReportSection(string Name, string Title, IReadOnlyList<ReportColumn> Columns,
    IAsyncEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>A stored run's identity: <paramref name="Period"/> such as 2026-11-28, 2026-W48, 2026-11 or 2026.</summary>
public sealed record ReportRunInfo(Guid Id, string Period, ReportRunTrigger Trigger);

public enum ReportRunTrigger
{
    Scheduled,
    Manual,
}
