namespace Rectify.Infrastructure.Persistence.Statistics;

/// <summary>What a statistics statement groups by (and always by aspect too).</summary>
internal enum StatisticsGrouping
{
    Inspection,
    Category,
    Status,

    /// <summary>By the units holding the lead or responsible role, and by aspect: see IStatisticsStore.</summary>
    HolderSets,
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
/// Statistics counted by the database: one row per group and stored aspect, whatever the number of items; the caller adds
/// the rows up into the groups and the total, so one scan answers a request. Each statement is composed from the
/// constant fragments below, carrying only the filters present; every composition is built once, here, so the
/// dialect tests check each of them.
/// </summary>
internal static class StatisticsSql
{
    /// <summary>
    /// One row per item with the facts the figures count, all read from the Items row (the measure counts and the
    /// holder set are kept there by every save of the item, see <see cref="Application.Statistics.HolderSet"/>), so
    /// the scan reads one index alone (migration 0012); the filters follow.
    /// </summary>
    private const string Facts = """
        SELECT i.Id, i.InspectionId, i.Category, i.Aspect, i.ProgressStatus, i.SignOffStatus, i.DueDate,
               i.OriginalDueDate, i.RecurrenceCount, i.MeasuresTotal, i.MeasuresImplemented, i.Holders
        FROM Items i
        WHERE 1 = 1
        """;

    /// <summary>
    /// The aspect trimmed of spaces, null when empty. Only spaces: the old in-memory count trimmed any white space,
    /// so an aspect padded with tabs or ideographic spaces now counts apart.
    /// </summary>
    private const string TrimmedAspect = "CASE WHEN LTRIM(RTRIM(f.Aspect)) <> '' THEN LTRIM(RTRIM(f.Aspect)) END";

    internal const string ForInspection = "AND i.InspectionId = @InspectionId";

    /// <summary>Items where the unit holds any role.</summary>
    private const string ForUnit = "AND EXISTS (SELECT 1 FROM ItemUnits fu WHERE fu.ItemId = i.Id AND fu.UnitId = @UnitId)";

    /// <summary>Items where the unit or one below it holds any role (the pattern is the unit's path plus '%').</summary>
    internal const string ForUnitTree = """
        AND EXISTS (SELECT 1 FROM ItemUnits fu JOIN Units fuu ON fuu.Id = fu.UnitId
                    WHERE fu.ItemId = i.Id AND fuu.Path LIKE @UnitPattern)
        """;

    /// <summary>A unit-bound key sees the items where its unit or one below it holds any role.</summary>
    internal const string InScope = """
        AND EXISTS (SELECT 1 FROM ItemUnits su JOIN Units suu ON suu.Id = su.UnitId
                    WHERE su.ItemId = i.Id AND suu.Path LIKE @ScopePattern)
        """;

    /// <summary>
    /// The figures over the facts <c>f</c> but the distinct aspects, which are counted from the aspect every row is
    /// grouped by too. Open items are judged overdue against @AsOf, due by year end against @YearEnd.
    /// </summary>
    private const string Figures = """
        COUNT(*) AS Items,
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

    /// <summary>Every statement, by what it counts and the filters it carries; both dialects send the same text.</summary>
    public static readonly IReadOnlyDictionary<(StatisticsGrouping, StatisticsFilters), DialectSql> Statements =
        (from grouping in Enum.GetValues<StatisticsGrouping>()
         from filters in Enumerable.Range(0, 16).Select(f => (StatisticsFilters)f)
         where !filters.HasFlag(StatisticsFilters.Unit | StatisticsFilters.UnitTree)
         select Compose(grouping, filters))
        .ToDictionary(s => (s.Grouping, s.Filters), s => new DialectSql(s.Text, s.Text));

    private static (StatisticsGrouping Grouping, StatisticsFilters Filters, string Text) Compose(StatisticsGrouping grouping,
        StatisticsFilters filters)
    {
        var facts = string.Join("\n  ", new[]
        {
            Facts,
            filters.HasFlag(StatisticsFilters.Inspection) ? ForInspection : "",
            filters.HasFlag(StatisticsFilters.Unit) ? ForUnit : "",
            filters.HasFlag(StatisticsFilters.UnitTree) ? ForUnitTree : "",
            filters.HasFlag(StatisticsFilters.Scope) ? InScope : "",
        }.Where(fragment => fragment.Length > 0));
        return (grouping, filters, grouping switch
        {
            StatisticsGrouping.Inspection => $"""
                SELECT ins.Title AS Label, g.*
                FROM ({Grouped("f.InspectionId", facts)}) g
                JOIN Inspections ins ON ins.Id = g.GroupKey
                """,
            StatisticsGrouping.Category => Grouped("f.Category", facts),
            StatisticsGrouping.Status => Grouped("f.ProgressStatus", facts),
            _ => Grouped("f.Holders", facts),
        });
    }

    /// <summary>
    /// Grouped by the key and the aspect as stored, the order of the SQLite indexes leading with a group key, so the
    /// groups stream out of the index; the aspect is trimmed after grouping, so two rows of a group may carry the same
    /// trimmed aspect, which the tally adds up like any other rows.
    /// </summary>
    private static string Grouped(string key, string facts) => $"""
        SELECT {key} AS GroupKey, {TrimmedAspect} AS Aspect, {Figures}
        FROM ({facts}) f
        GROUP BY {key}, f.Aspect
        """;
}
