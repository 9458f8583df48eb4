namespace Rectify.Infrastructure.Persistence.Statistics;

/// <summary>What a statistics statement counts by: the total, or one row per group.</summary>
internal enum StatisticsGrouping
{
    Total,
    Inspection,
    Category,
    Status,
    Unit,
    UnitRolledUp,
}

/// <summary>The filters a statement carries; <see cref="Unit"/> and <see cref="UnitTree"/> exclude each other.</summary>
[Flags]
internal enum StatisticsFilters
{
    None = 0,
    Inspection = 1,
    Unit = 2,
    UnitTree = 4,
    Scope = 8,
}

/// <summary>
/// Statistics counted by the database: one row per group, whatever the number of items. Each statement is composed
/// from the constant fragments below, carrying only the filters present; every composition is built once, here, so
/// the dialect tests check each of them.
/// </summary>
internal static class StatisticsSql
{
    /// <summary>One row per item with the facts the figures count; the filters follow as AND clauses.</summary>
    private const string Facts = """
        SELECT i.Id, i.InspectionId, i.Category, i.Aspect, i.ProgressStatus, i.SignOffStatus, i.DueDate,
               i.OriginalDueDate, i.RecurrenceCount,
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id) AS MeasuresTotal,
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id AND m.Implemented = 1) AS MeasuresImplemented
        FROM Items i
        WHERE 1 = 1
        """;

    private const string ForInspection = "AND i.InspectionId = @InspectionId";

    /// <summary>Items where the unit holds any role.</summary>
    private const string ForUnit = "AND EXISTS (SELECT 1 FROM ItemUnits fu WHERE fu.ItemId = i.Id AND fu.UnitId = @UnitId)";

    /// <summary>Items where the unit or one below it holds any role (the pattern is the unit's path plus '%').</summary>
    private const string ForUnitTree = """
        AND EXISTS (SELECT 1 FROM ItemUnits fu JOIN Units fuu ON fuu.Id = fu.UnitId
                    WHERE fu.ItemId = i.Id AND fuu.Path LIKE @UnitPattern)
        """;

    /// <summary>A unit-bound key sees the items where its unit or one below it holds any role.</summary>
    private const string InScope = """
        AND EXISTS (SELECT 1 FROM ItemUnits su JOIN Units suu ON suu.Id = su.UnitId
                    WHERE su.ItemId = i.Id AND suu.Path LIKE @ScopePattern)
        """;

    /// <summary>
    /// The figures over the facts <c>f</c>. Aspects are trimmed of spaces before they are told apart; open items are
    /// judged overdue against @AsOf, due by year end against @YearEnd.
    /// </summary>
    private const string Figures = """
        COUNT(*) AS Items,
               COUNT(DISTINCT CASE WHEN LTRIM(RTRIM(f.Aspect)) <> '' THEN LTRIM(RTRIM(f.Aspect)) END) AS Aspects,
               SUM(CASE WHEN f.ProgressStatus = 'not_started' THEN 1 ELSE 0 END) AS NotStarted,
               SUM(CASE WHEN f.ProgressStatus = 'in_progress' THEN 1 ELSE 0 END) AS InProgress,
               SUM(CASE WHEN f.ProgressStatus = 'basically_completed' THEN 1 ELSE 0 END) AS BasicallyCompleted,
               SUM(CASE WHEN f.ProgressStatus = 'completed' THEN 1 ELSE 0 END) AS Completed,
               SUM(CASE WHEN f.ProgressStatus <> 'completed' AND f.DueDate <= @YearEnd THEN 1 ELSE 0 END) AS DueByYearEnd,
               SUM(CASE WHEN f.SignOffStatus = 'requested' THEN 1 ELSE 0 END) AS AwaitingSignOff,
               SUM(CASE WHEN f.SignOffStatus = 'returned' THEN 1 ELSE 0 END) AS Returned,
               SUM(CASE WHEN f.SignOffStatus = 'signed_off' THEN 1 ELSE 0 END) AS SignedOff,
               SUM(CASE WHEN f.ProgressStatus <> 'completed' AND f.DueDate < @AsOf THEN 1 ELSE 0 END) AS Overdue,
               SUM(CASE WHEN f.ProgressStatus <> 'completed' AND f.OriginalDueDate < @AsOf THEN 1 ELSE 0 END)
                   AS OverdueAgainstOriginal,
               SUM(f.MeasuresTotal) AS MeasuresTotal,
               SUM(f.MeasuresImplemented) AS MeasuresImplemented,
               SUM(f.RecurrenceCount) AS Recurrences,
               SUM(CASE WHEN f.RecurrenceCount > 0 THEN 1 ELSE 0 END) AS RecurredItems
        """;

    /// <summary>(unit, item) for each unit holding the lead or responsible role; one role per unit and item.</summary>
    private const string Holders = """
        SELECT iu.UnitId, iu.ItemId FROM ItemUnits iu WHERE iu.Role IN ('lead', 'responsible')
        """;

    /// <summary>(unit, item) for each holder and each unit above it, each pair once however many holders share it.</summary>
    private static readonly DialectSql HoldersAndAbove = new("""
        SELECT DISTINCT a.Id AS UnitId, iu.ItemId
        FROM ItemUnits iu JOIN Units h ON h.Id = iu.UnitId JOIN Units a ON h.Path LIKE a.Path || '%'
        WHERE iu.Role IN ('lead', 'responsible')
        """, """
        SELECT DISTINCT a.Id AS UnitId, iu.ItemId
        FROM ItemUnits iu JOIN Units h ON h.Id = iu.UnitId JOIN Units a ON h.Path LIKE a.Path + '%'
        WHERE iu.Role IN ('lead', 'responsible')
        """);

    /// <summary>Every statement, by what it counts and the filters it carries.</summary>
    public static readonly IReadOnlyDictionary<(StatisticsGrouping, StatisticsFilters), DialectSql> Statements =
        (from grouping in Enum.GetValues<StatisticsGrouping>()
         from filters in Enumerable.Range(0, 16).Select(f => (StatisticsFilters)f)
         where !filters.HasFlag(StatisticsFilters.Unit | StatisticsFilters.UnitTree)
         select (grouping, filters))
        .ToDictionary(key => key, key => new DialectSql(
            Compose(key.grouping, key.filters, SqlDialect.Sqlite), Compose(key.grouping, key.filters, SqlDialect.SqlServer)));

    private static string Compose(StatisticsGrouping grouping, StatisticsFilters filters, SqlDialect dialect)
    {
        var facts = string.Join("\n  ", new[]
        {
            Facts,
            filters.HasFlag(StatisticsFilters.Inspection) ? ForInspection : "",
            filters.HasFlag(StatisticsFilters.Unit) ? ForUnit : "",
            filters.HasFlag(StatisticsFilters.UnitTree) ? ForUnitTree : "",
            filters.HasFlag(StatisticsFilters.Scope) ? InScope : "",
        }.Where(fragment => fragment.Length > 0));
        return grouping switch
        {
            StatisticsGrouping.Total => $"SELECT {Figures}\nFROM ({facts}) f",
            StatisticsGrouping.Inspection => $"""
                SELECT ins.Title AS Label, g.*
                FROM (SELECT f.InspectionId AS GroupKey, {Figures}
                      FROM ({facts}) f
                      GROUP BY f.InspectionId) g
                JOIN Inspections ins ON ins.Id = g.GroupKey
                """,
            StatisticsGrouping.Category => $"SELECT f.Category AS GroupKey, {Figures}\nFROM ({facts}) f\nGROUP BY f.Category",
            StatisticsGrouping.Status =>
                $"SELECT f.ProgressStatus AS GroupKey, {Figures}\nFROM ({facts}) f\nGROUP BY f.ProgressStatus",
            _ => $"""
                SELECT u.Name AS Label, u.Path AS UnitPath, g.*
                FROM (SELECT p.UnitId AS GroupKey, {Figures}
                      FROM ({facts}) f JOIN ({(grouping == StatisticsGrouping.Unit ? Holders : HoldersAndAbove.For(dialect))}) p
                        ON p.ItemId = f.Id
                      GROUP BY p.UnitId) g
                JOIN Units u ON u.Id = g.GroupKey
                """,
        };
    }
}
