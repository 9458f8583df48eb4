namespace Rectify.Application.Reports;

/// <summary>The reports of the office's cadence: 日碰头 (overdue), 周推进 (progress), 月评比 (ranking), year-end summary.</summary>
public enum ReportKind
{
    Overdue,
    Progress,
    Ranking,
    Summary,
}

/// <summary>How a report is written out; <see cref="Text"/> is the summary's sentences as plain text.</summary>
public enum ReportFormat
{
    Json,
    Csv,
    Xlsx,
    Text,
}
