namespace Rectify.Infrastructure.Persistence.Items;

internal static class ProgressSql
{
    public const string Insert = """
        INSERT INTO ProgressReports (Id, ItemId, ReportedOn, Summary, ProgressStatus, ScheduleStatus, QuantityDone, Obstacles,
                                     Evidence, ReportedBy, CreatedAt)
        VALUES (@Id, @ItemId, @ReportedOn, @Summary, @ProgressStatus, @ScheduleStatus, @QuantityDone, @Obstacles,
                @Evidence, @ReportedBy, @CreatedAt)
        """;


    public static readonly DialectSql List = DialectSql.Limited("""
        SELECT Seq, Id, ItemId, ReportedOn, Summary, ProgressStatus, ScheduleStatus, QuantityDone, Obstacles, Evidence,
               ReportedBy, CreatedAt
        FROM ProgressReports
        WHERE ItemId = @ItemId AND Seq > @AfterSeq
        ORDER BY Seq
        """);
}
