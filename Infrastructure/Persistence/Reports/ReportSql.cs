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
/// statistics do; every composition is built once, here, so the dialect tests check each of them. Overdue is the item
/// list's own fragment (<see cref="ItemReadSql.Overdue"/>, as of @Today), so the (IsOpen, DueSortKey) index serves it.
/// </summary>
internal static class ReportSql
{
    public const string Units = "SELECT Id, ParentId, Code, Name, Path FROM Units ORDER BY Path";

    public const string Inspections = "SELECT Id, Kind, Title, Round, Year FROM Inspections";

    /// <summary>Items with their lead unit (each item has exactly one).</summary>
    private const string WithLead = """
        FROM Items i
        JOIN ItemUnits lu ON lu.ItemId = i.Id AND lu.Role = 'lead'
        """;

    /// <summary>
    /// Due soon: open and not overdue (<see cref="ItemReadSql.Overdue"/>), due by @BlueDate, the end of the warning
    /// window. Spelled as a range rather than a negation of the overdue rule, so the index serves it.
    /// </summary>
    private const string DueSoon = "i.IsOpen = 1 AND i.DueSortKey >= @Today AND i.DueSortKey <= @BlueDate";

    /// <summary>
    /// The overdue report's lists, in the order they are written: by the lead unit's path (a unit's rows before those
    /// of the units below it), then due date. One read each, streamed; names come joined, not looked up per row.
    /// </summary>
    private static string Listed(string deadline, string filters) => $"""
        SELECT i.Code, i.Title, ins.Title AS Inspection, u.Name AS LeadUnit, i.DueDate,
               i.OriginalDueDate, i.ProgressStatus, i.ScheduleStatus, i.Obstacles
        {WithLead}
        JOIN Units u ON u.Id = lu.UnitId
        JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE {deadline}
          {filters}
        ORDER BY u.Path, i.DueSortKey, i.Seq
        """;

    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> OverdueItems =
        Compose((filters, _) => Listed(ItemReadSql.Overdue, filters));

    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> DueSoonItems =
        Compose((filters, _) => Listed(DueSoon, filters));

    /// <summary>Per lead unit, the open items due by @BlueDate: those overdue as of @Today and the rest, due soon.</summary>
    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> DeadlinesByLead = Compose((filters, _) => $"""
        SELECT lu.UnitId AS UnitId,
               SUM(CASE WHEN {ItemReadSql.Overdue} THEN 1 ELSE 0 END) AS Overdue,
               SUM(CASE WHEN {ItemReadSql.Overdue} THEN 0 ELSE 1 END) AS DueSoon
        {WithLead}
        WHERE i.IsOpen = 1 AND i.DueSortKey <= @BlueDate
          {filters}
        GROUP BY lu.UnitId
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
    public static readonly IReadOnlyDictionary<ReportFilters, DialectSql> RankingByLead = Compose((filters, completionDay) => $"""
        SELECT lu.UnitId AS UnitId, COUNT(*) AS Items,
               SUM(CASE WHEN i.IsOpen = 0 THEN 1 ELSE 0 END) AS Completed,
               SUM(CASE WHEN {ItemReadSql.Overdue} THEN 1 ELSE 0 END) AS Overdue,
               SUM(CASE WHEN i.IsOpen = 0 OR i.OriginalDueDate < @Today THEN 1 ELSE 0 END) AS Assessed,
               SUM(CASE WHEN i.IsOpen = 0 AND (i.OriginalDueDate IS NULL OR {completionDay} <= i.OriginalDueDate)
                        THEN 1 ELSE 0 END) AS OnTime
        FROM Items i
        JOIN ItemUnits lu ON lu.ItemId = i.Id AND lu.Role = 'lead'
        WHERE 1 = 1
          {filters}
        GROUP BY lu.UnitId
        """);

    /// <summary>The day an item was completed in the office's offset: the one place the dialects differ.</summary>
    private const string SqliteCompletionDay = "date(i.CompletedAt, @OffsetModifier)";
    private const string SqlServerCompletionDay = "CAST(SWITCHOFFSET(i.CompletedAt, @OffsetMinutes) AS DATE)";

    private static IReadOnlyDictionary<ReportFilters, DialectSql> Compose(Func<string, string, string> statement) =>
        Enumerable.Range(0, 8).Select(f => (ReportFilters)f).ToDictionary(f => f, f => new DialectSql(
            statement(Filters(f), SqliteCompletionDay), statement(Filters(f), SqlServerCompletionDay)));

    private static string Filters(ReportFilters filters) => string.Join("\n  ", new[]
    {
        filters.HasFlag(ReportFilters.Inspection) ? StatisticsSql.ForInspection : "",
        filters.HasFlag(ReportFilters.UnitTree) ? StatisticsSql.ForUnitTree : "",
        filters.HasFlag(ReportFilters.Scope) ? StatisticsSql.InScope : "",
    }.Where(fragment => fragment.Length > 0));
}
