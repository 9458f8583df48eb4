namespace Rectify.Infrastructure.Persistence.Auditing;

internal static class AuditSql
{
    private const string Columns =
        "Seq, Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, PrevHash, Hash";

    public static readonly DialectSql LastLink = DialectSql.Limited("""
        SELECT ChainIndex, Hash FROM AuditEvents
        WHERE EntityType = @EntityType AND EntityId = @EntityId
        ORDER BY ChainIndex DESC
        """);

    public const string Insert = """
        INSERT INTO AuditEvents (Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, PrevHash, Hash)
        VALUES (@Id, @EntityType, @EntityId, @ChainIndex, @Action, @ActorId, @ActorName, @OccurredAt, @Changes, @PrevHash, @Hash)
        """;

    public static readonly DialectSql ListForEntity = DialectSql.Limited($"""
        SELECT {Columns} FROM AuditEvents
        WHERE EntityType = @EntityType AND EntityId = @EntityId AND ChainIndex > @AfterIndex
        ORDER BY ChainIndex
        """);

    /// <summary>Every chain, link by link, read in batches after the last (type, id, index) verified.</summary>
    public static readonly DialectSql VerifyBatch = DialectSql.Limited($"""
        SELECT {Columns} FROM AuditEvents
        WHERE Seq > @AfterSeq
        ORDER BY Seq
        """);
}
