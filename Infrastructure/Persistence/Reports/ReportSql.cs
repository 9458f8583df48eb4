using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Statistics;

namespace Rectify.Infrastructure.Persistence.Reports;

/// <summary>The filters a report statement carries (an inspection, a unit's subtree, a unit key's scope).</summary>
[Flags]
internal enum ReportFilters
{
    None = 0,
    Inspection = 1,
    UnitTree = 2,
    Scope = 4,
}

/// <summary>
/// What the reports send. The filters are the statistics' own fragments, so a report counts the same items the
/// statistics do; every composition is built once, here, so the dialect tests check each of them.
/// </summary>
internal static class ReportSql
{
    /// <summary>
    /// Where the dialects differ: the join that fixes the loop order, and the day an item was completed in the office's
    /// offset. Declared first: the statements below are composed from them as the class initialises.
    /// </summary>
    private sealed record Dialect(string OuterJoin, string CompletionDay);

    private static readonly Dialect Sqlite = new("CROSS JOIN", "date(i.CompletedAt, @OffsetModifier)");
    private static readonly Dialect SqlServer = new("JOIN", "CAST(SWITCHOFFSET(i.CompletedAt, @OffsetMinutes) AS DATE)");

    public const string Units = "SELECT Id, ParentId, Code, Name, Path FROM Units ORDER BY Path";

    public const string Inspections = "SELECT Id, Kind, Title, Round, Year FROM Inspections";

    /// <summary>
    /// Items by lead unit: the units in path order, each one's open items read from the partial index
    /// IX_Items_Open_Lead_DueDate (migration 0016) in due-date order. Open is spelled on the plain ProgressStatus,
    /// which is the index's condition, rather than on the generated IsOpen. SQLite keeps a CROSS JOIN's left table as the
    /// outer loop, which is what makes the walk; SQL Server plans the same join by its statistics.
    /// </summary>
    private static string ItemsByLead(Dialect dialect) => $"""
        FROM Units u
        {dialect.OuterJoin} Items i ON i.LeadUnitId = u.Id
        """;

    private const string Open = "i.ProgressStatus <> 'completed'";

    /// <summary>Overdue as of @Today, for an open item (<see cref="ItemReadSql.Overdue"/> on the plain columns).</summary>
    private const string PastDue = "i.DueDate < @Today";

    /// <summary>Due soon: open and not overdue, due by @BlueDate, the end of the warning window.</summary>
    private const string DueSoon = "i.DueDate >= @Today AND i.DueDate <= @BlueDate";

    /// <summary>
    /// The overdue report's lists, in the order they are written: by the lead unit's path (a unit's rows before those
    /// of the units below it; the unit's Seq makes the order total), then due date. The order is the walk's own, so
    /// the rows stream without a sort, and the index holds every listed column but the inspection's title.
    /// </summary>
    private static string Listed(string deadline, string filters, Dialect dialect) => $"""
        SELECT i.Code, i.Title, ins.Title AS Inspection, u.Name AS LeadUnit, i.DueDate,
               i.OriginalDueDate, i.ProgressStatus, i.ScheduleStatus, i.Obstacles
        {ItemsByLead(dialect)}
        JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE {Open} AND {deadline}
          {filters}
        ORDER BY u.Path, u.Seq, i.DueDate, i.Seq
        """;

    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> OverdueItems =
        Compose((filters, dialect) => Listed(PastDue, filters, dialect));

    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> DueSoonItems =
        Compose((filters, dialect) => Listed(DueSoon, filters, dialect));

    /// <summary>Per lead unit, the open items due by @BlueDate: those overdue as of @Today and the rest, due soon.</summary>
    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> DeadlinesByLead = Compose((filters, dialect) => $"""
        SELECT u.Id AS UnitId,
               SUM(CASE WHEN {PastDue} THEN 1 ELSE 0 END) AS Overdue,
               SUM(CASE WHEN {PastDue} THEN 0 ELSE 1 END) AS DueSoon
        {ItemsByLead(dialect)}
        WHERE {Open} AND i.DueDate <= @BlueDate
          {filters}
        GROUP BY u.Id
        """);

    /// <summary>
    /// Per inspection, what changed: completed and signed off in [@From, @Until) (instants), and open items whose due
    /// date lies in [@SinceDay, @Today): overdue now, not yet on @SinceDay.
    /// </summary>
    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> ChangesByInspection = Compose((filters, _) => $"""
        SELECT i.InspectionId AS InspectionId,
               SUM(CASE WHEN i.CompletedAt >= @From AND i.CompletedAt < @Until THEN 1 ELSE 0 END) AS NewlyCompleted,
               SUM(CASE WHEN i.SignedOffAt >= @From AND i.SignedOffAt < @Until THEN 1 ELSE 0 END) AS NewlySignedOff,
               SUM(CASE WHEN {ItemReadSql.Overdue} AND i.DueSortKey >= @SinceDay THEN 1 ELSE 0 END)
                   AS NewlyOverdue
        FROM Items i
        WHERE 1 = 1
          {filters}
        GROUP BY i.InspectionId
        """);

    /// <summary>
    /// Per lead unit, the ranking's counts. On time: completed on or before the original due date (or without one),
    /// the completion day read in the office's UTC offset; assessed: completed, or open past the original due date.
    /// </summary>
    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> RankingByLead = Compose((filters, dialect) => $"""
        SELECT i.LeadUnitId AS UnitId, COUNT(*) AS Items,
               SUM(CASE WHEN i.IsOpen = 0 THEN 1 ELSE 0 END) AS Completed,
               SUM(CASE WHEN {ItemReadSql.Overdue} THEN 1 ELSE 0 END) AS Overdue,
               SUM(CASE WHEN i.IsOpen = 0 OR i.OriginalDueDate < @Today THEN 1 ELSE 0 END) AS Assessed,
               SUM(CASE WHEN i.IsOpen = 0 AND (i.OriginalDueDate IS NULL OR {dialect.CompletionDay} <= i.OriginalDueDate)
                        THEN 1 ELSE 0 END) AS OnTime
        FROM Items i
        WHERE 1 = 1
          {filters}
        GROUP BY i.LeadUnitId
        """);

    private static IReadOnlyDictionary<ReportFilters, DialectSql> Compose(Func<string, Dialect, string> statement) =>
        Enumerable.Range(0, 8).Select(f => (ReportFilters)f).ToDictionary(f => f, f => new DialectSql(
            statement(Filters(f), Sqlite), statement(Filters(f), SqlServer)));

    private static string Filters(ReportFilters filters) => string.Join("\n  ", new[]
    {
        filters.HasFlag(ReportFilters.Inspection) ? StatisticsSql.ForInspection : "",
        filters.HasFlag(ReportFilters.UnitTree) ? StatisticsSql.ForUnitTree : "",
        filters.HasFlag(ReportFilters.Scope) ? StatisticsSql.InScope : "",
    }.Where(fragment => fragment.Length > 0));
}
