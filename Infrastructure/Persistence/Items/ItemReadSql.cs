using Rectify.Application.Items;

namespace Rectify.Infrastructure.Persistence.Items;

/// <summary>
/// What reads send: response rows, never an aggregate. A list statement is composed from constant fragments, one per
/// filter present and none for a filter absent, so its text (and the plan cached for it) depends only on which
/// filters and which sort a request uses. Every sort orders by an indexed key and the item's Seq, and a cursor seeks
/// on that index: <c>key &gt;= @after AND (key &gt; @after OR Seq &gt; @afterSeq)</c> gives the engine a range to start
/// from, which the equivalent <c>key &gt; @after OR (key = @after AND …)</c> does not.
/// </summary>
internal static class ItemReadSql
{
    /// <summary>A unit-bound key sees an item when its unit, or one below it, holds any role on the item.</summary>
    private const string Visible = """
        EXISTS (SELECT 1 FROM ItemUnits su JOIN Units u ON u.Id = su.UnitId
                WHERE su.ItemId = i.Id AND u.Path LIKE @ScopePattern)
        """;

    private const string FromItems = $"""
        SELECT {ItemSql.Columns}, i.DueSortKey
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        """;

    /// <summary>The units and references of the items @Ids, in one command (measure counts are on the row).</summary>
    public const string ChildrenOfItems = """
        SELECT ItemId, UnitId, Role FROM ItemUnits WHERE ItemId IN @Ids;
        SELECT ItemId, System, ExternalId FROM ItemExternalRefs WHERE ItemId IN @Ids
        """;

    /// <summary>
    /// What the ledger rows of the items @Ids show beyond the row: their units and references, the names of those
    /// units, their measures in order, and the summary of each one's latest progress report.
    /// </summary>
    public const string LedgerOfItems = $"""
        {ChildrenOfItems};
        SELECT u.Id, u.Name AS Text FROM Units u WHERE u.Id IN (SELECT UnitId FROM ItemUnits WHERE ItemId IN @Ids);
        SELECT ItemId AS Id, Description AS Text FROM Measures WHERE ItemId IN @Ids ORDER BY Seq;
        SELECT p.ItemId AS Id, p.Summary AS Text FROM ProgressReports p
        WHERE p.ItemId IN @Ids AND p.Seq = (SELECT MAX(l.Seq) FROM ProgressReports l WHERE l.ItemId = p.ItemId)
        """;

    public const string Find = $"""
        {FromItems}
        WHERE i.Id = @Id;
        {ChildrenOfItems}
        """;

    public const string FindInScope = $"""
        {FromItems}
        WHERE i.Id = @Id AND {Visible};
        {ChildrenOfItems}
        """;

    /// <summary>The items @Ids, in item order; their children are read with <see cref="ChildrenOfItems"/>.</summary>
    public const string ByIds = $"""
        {FromItems}
        WHERE i.Id IN @Ids
        ORDER BY i.Seq
        """;

    public const string Exists = "SELECT COUNT(*) FROM Items i WHERE i.Id = @Id";

    public const string ExistsInScope = $"{Exists} AND {Visible}";

    private const string SignOffStateOf = """
        SELECT i.Id, i.SignOffStatus, i.SignOffStepIndex, i.SignedOffAt, i.Version, ins.SignOffSteps
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.Id = @Id
        """;

    public const string SignOffState = SignOffStateOf;

    public const string SignOffStateInScope = $"{SignOffStateOf} AND {Visible}";

    /// <summary>
    /// The change feed: items whose latest change lies after the position @After, in commit order. SQLite's counter is
    /// handed out by serial writers, so every number below the largest one read has committed. SQL Server's writers run
    /// concurrently, so the read stops below the oldest rowversion still in flight; that bound is taken before the
    /// SELECT starts so that what lies below it has committed before the SELECT reads (also under RCSI).
    /// </summary>
    public static readonly DialectSql Changes = ChangesWhere("");

    public static readonly DialectSql ChangesInScope = ChangesWhere($" AND {Visible}");

    private static DialectSql ChangesWhere(string scope) => new($"""
        SELECT {ItemSql.Columns}, i.ChangeSeq AS ChangePosition
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.ChangeSeq > @After{scope}
        ORDER BY i.ChangeSeq
        LIMIT @Limit
        """, $"""
        DECLARE @InFlight BINARY(8) = MIN_ACTIVE_ROWVERSION();
        SELECT {ItemSql.Columns}, CAST(i.ChangeVersion AS BIGINT) AS ChangePosition
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.ChangeVersion > CAST(@After AS BINARY(8)) AND i.ChangeVersion < @InFlight{scope}
        ORDER BY i.ChangeVersion
        OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY
        """);

    private const string ForUnit = "EXISTS (SELECT 1 FROM ItemUnits fu WHERE fu.ItemId = i.Id AND fu.UnitId = @UnitId)";

    private const string ForUnitOrBelow = """
        EXISTS (SELECT 1 FROM ItemUnits fu JOIN Units u ON u.Id = fu.UnitId
                WHERE fu.ItemId = i.Id AND (fu.UnitId = @UnitId OR u.Path LIKE @UnitPattern))
        """;

    /// <summary>A substring match: no index serves it, so it scans what the other filters leave.</summary>
    private const string Matches = """
        (i.Code LIKE @Pattern ESCAPE '\' OR i.Title LIKE @Pattern ESCAPE '\' OR i.Description LIKE @Pattern ESCAPE '\')
        """;

    /// <summary>
    /// Dates are compared through the sort key (the due date, or 9999-12-31 when there is none, beyond any business
    /// date) and completion through IsOpen, so that the indexes on them serve these filters as ranges; "from" alone
    /// must still leave out the items without a due date. The deadline filters mean what
    /// <see cref="Rectify.Domain.Items.Deadline"/> judges.
    /// </summary>
    private const string DueFrom = "i.DueSortKey >= @DueFrom AND i.DueDate IS NOT NULL";

    private const string DueTo = "i.DueSortKey <= @DueTo";

    /// <summary>Overdue as of @Today; the overdue-notice claim uses it too.</summary>
    internal const string Overdue = "i.IsOpen = 1 AND i.DueSortKey < @Today";

    private const string NotOverdue = "(i.IsOpen = 0 OR i.DueSortKey >= @Today)";

    private const string Behind = "i.ScheduleStatus = 'behind'";

    private const string NotBehind = "(i.ScheduleStatus IS NULL OR i.ScheduleStatus <> 'behind')";

    private static string Warning(Domain.Items.WarningLevel level) => level switch
    {
        Domain.Items.WarningLevel.Red => Overdue,
        Domain.Items.WarningLevel.Yellow =>
            $"i.IsOpen = 1 AND i.DueSortKey >= @Today AND (i.DueSortKey <= @YellowDate OR {Behind})",
        Domain.Items.WarningLevel.Blue =>
            $"i.IsOpen = 1 AND i.DueSortKey > @YellowDate AND i.DueSortKey <= @BlueDate AND {NotBehind}",
        _ => $"(i.IsOpen = 0 OR (i.DueSortKey > @BlueDate AND {NotBehind}))",
    };

    /// <summary>The fragment of each filter the criteria carry.</summary>
    private static IEnumerable<string> Filters(ItemListCriteria criteria)
    {
        if (criteria.ScopePattern is not null)
            yield return Visible;
        if (criteria.InspectionId is not null)
            yield return "i.InspectionId = @InspectionId";
        if (criteria.InspectionKind is not null)
            yield return "ins.Kind = @InspectionKind";
        if (criteria.UnitId is not null)
            yield return criteria.UnitPattern is null ? ForUnit : ForUnitOrBelow;
        if (criteria.ProgressStatus is not null)
            yield return "i.ProgressStatus = @ProgressStatus";
        if (criteria.SignOffStatus is not null)
            yield return "i.SignOffStatus = @SignOffStatus";
        if (criteria.Category is not null)
            yield return "i.Category = @Category";
        if (criteria.IsKey is not null)
            yield return "i.IsKey = @IsKey";
        if (criteria.DueFrom is not null)
            yield return DueFrom;
        if (criteria.DueTo is not null)
            yield return DueTo;
        if (criteria.UpdatedSince is not null)
            yield return "i.UpdatedAt >= @UpdatedSince";
        if (SqlText.ContainsPattern(criteria.Q) is not null)
            yield return Matches;
        if (criteria.Overdue is { } overdue)
            yield return overdue ? Overdue : NotOverdue;
        if (criteria.WarningLevel is { } level)
            yield return Warning(level);
    }

    /// <summary>Each sort's key, served by an index with Seq as its last column (the rowid or clustered key for Created).</summary>
    private static (string OrderBy, string After) Sort(ItemSort sort) => sort switch
    {
        ItemSort.DueDate => ("i.DueSortKey, i.Seq", "i.DueSortKey >= @AfterDate AND (i.DueSortKey > @AfterDate OR i.Seq > @AfterSeq)"),
        ItemSort.UpdatedAt => ("i.UpdatedAt, i.Seq", "i.UpdatedAt >= @AfterInstant AND (i.UpdatedAt > @AfterInstant OR i.Seq > @AfterSeq)"),
        ItemSort.Code => ("i.Code, i.Seq", "i.Code >= @AfterText AND (i.Code > @AfterText OR i.Seq > @AfterSeq)"),
        _ => ("i.Seq", "i.Seq > @AfterSeq"),
    };

    /// <summary>A list page: the filters present, the seek past the cursor when there is one, the sort's order.</summary>
    public static DialectSql List(ItemListCriteria criteria, bool afterCursor)
    {
        var (orderBy, after) = Sort(criteria.Sort);
        var conditions = Filters(criteria).ToList();
        if (afterCursor)
            conditions.Add(after);
        var where = conditions.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", conditions);
        return DialectSql.Limited($"{FromItems}{where}\nORDER BY {orderBy}");
    }
}
