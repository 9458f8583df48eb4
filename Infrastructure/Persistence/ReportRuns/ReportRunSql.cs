namespace Rectify.Infrastructure.Persistence.ReportRuns;

internal static class ReportRunSql
{
    private const string Columns =
        "Seq, Id, Kind, Period, AsOf, GeneratedAt, RunTrigger, RequestedByClientId, Figures, ContentLength, CompressedLength";

    public const string Insert = """
        INSERT INTO ReportRuns (Id, Kind, Period, AsOf, GeneratedAt, RunTrigger, RequestedByClientId, Figures, Content,
                                ContentLength, CompressedLength)
        VALUES (@Id, @Kind, @Period, @AsOf, @GeneratedAt, @RunTrigger, @RequestedByClientId, @Figures, @Content,
                @ContentLength, @CompressedLength)
        """;

    public const string FindById = $"SELECT {Columns} FROM ReportRuns WHERE Id = @Id";

    public const string FindByPeriod = $"SELECT {Columns} FROM ReportRuns WHERE Kind = @Kind AND Period = @Period";

    public const string PreviousAsOf = "SELECT MAX(AsOf) AS AsOf FROM ReportRuns WHERE Kind = @Kind AND AsOf < @AsOf";

    public const string Content = "SELECT Content FROM ReportRuns WHERE Id = @Id";

    /// <summary>Newest first, all kinds or one.</summary>
    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM ReportRuns
        WHERE Seq < @BeforeSeq AND (@Kind IS NULL OR Kind = @Kind)
        ORDER BY Seq DESC
        """);
}

/// <summary>
/// The overdue-notice claim: one INSERT … SELECT records a notice for each overdue spell nobody has recorded, up to
/// @Limit, marked with this transaction's @BatchId so it can read back which items it took. The anti-join makes a
/// second instance's insert of the same spell a no-op instead of a key violation. No ORDER BY: which spells a batch
/// takes does not matter, and without one the scan of the open items' due-date index stops at @Limit. On SQLite writers
/// are serialized; on SQL Server the UPDLOCK, HOLDLOCK hint makes a concurrent claim wait for this one's commit and
/// then see its rows.
/// </summary>
internal static class OverdueNoticeSql
{
    public static readonly DialectSql Claim = new(
        $"""
        INSERT INTO ItemOverdueNotices (ItemId, DueDate, RecurrenceCount, NoticedAt, BatchId)
        SELECT i.Id, i.DueDate, i.RecurrenceCount, @Now, @BatchId
        {Unnoticed("")}
        LIMIT @Limit
        """,
        $"""
        INSERT INTO ItemOverdueNotices (ItemId, DueDate, RecurrenceCount, NoticedAt, BatchId)
        SELECT TOP (@Limit) i.Id, i.DueDate, i.RecurrenceCount, @Now, @BatchId
        {Unnoticed(" WITH (UPDLOCK, HOLDLOCK)")}
        """);

    public const string Claimed = "SELECT ItemId FROM ItemOverdueNotices WHERE BatchId = @BatchId";

    private static string Unnoticed(string lockHint) => $"""
        FROM Items i
        WHERE {Items.ItemReadSql.Overdue}
          AND NOT EXISTS (SELECT 1 FROM ItemOverdueNotices n{lockHint}
                          WHERE n.ItemId = i.Id AND n.DueDate = i.DueDate AND n.RecurrenceCount = i.RecurrenceCount)
        """;
}
