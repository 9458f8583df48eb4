namespace Rectify.Infrastructure.Persistence.Auditing;

internal static class AuditSql
{
    private const string Columns =
        "Seq, Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, EntityVersion, EventsInSave, PrevHash, Hash";

    public static readonly DialectSql LastLink = DialectSql.Limited("""
        SELECT ChainIndex, Hash FROM AuditEvents
        WHERE EntityType = @EntityType AND EntityId = @EntityId
        ORDER BY ChainIndex DESC
        """);

    public const string Insert = """
        INSERT INTO AuditEvents (Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, EntityVersion,
            EventsInSave, PrevHash, Hash)
        VALUES (@Id, @EntityType, @EntityId, @ChainIndex, @Action, @ActorId, @ActorName, @OccurredAt, @Changes, @EntityVersion,
            @EventsInSave, @PrevHash, @Hash)
        """;

    public static readonly DialectSql ListForEntity = DialectSql.Limited($"""
        SELECT {Columns} FROM AuditEvents
        WHERE EntityType = @EntityType AND EntityId = @EntityId AND ChainIndex > @AfterIndex
        ORDER BY ChainIndex
        """);

    /// <summary>Every event of every chain, in batches after the last one read.</summary>
    public static readonly DialectSql InSeqOrder = DialectSql.Limited($"""
        SELECT {Columns} FROM AuditEvents
        WHERE Seq > @AfterSeq
        ORDER BY Seq
        """);

    /// <summary>The newest link of every chain; the unique (EntityType, EntityId, ChainIndex) index finds each MAX.</summary>
    public const string ChainHeads = """
        SELECT a.EntityType, a.EntityId, a.ChainIndex, a.Hash
        FROM AuditEvents a
        WHERE a.ChainIndex = (SELECT MAX(b.ChainIndex) FROM AuditEvents b WHERE b.EntityType = a.EntityType AND b.EntityId = a.EntityId)
        """;

    /// <summary>Re-chaining writes the new link of an event; nothing else ever changes a stored event.</summary>
    public const string Relink = "UPDATE AuditEvents SET PrevHash = @PrevHash, Hash = @Hash WHERE Seq = @Seq";

    /// <summary>Takes the scheme row's write lock until commit: instances starting together prepare the trail one at a time.</summary>
    public const string LockChainScheme = "UPDATE AuditChainScheme SET Scheme = Scheme WHERE Id = 1";

    public const string ReadChainScheme = "SELECT Scheme, KeyId FROM AuditChainScheme WHERE Id = 1";

    public const string SaveChainScheme = "UPDATE AuditChainScheme SET Scheme = @Scheme, KeyId = @KeyId WHERE Id = 1";

    /// <summary>The version of every audited entity, named by the entity type its chain carries.</summary>
    private const string EntityVersionsFrom = """
        SELECT 'unit' AS EntityType, Id, Version FROM Units{0}
        UNION ALL SELECT 'inspection', Id, Version FROM Inspections{0}
        UNION ALL SELECT 'item', Id, Version FROM Items{0}
        UNION ALL SELECT 'client', Id, Version FROM Clients{0}
        UNION ALL SELECT 'webhook', Id, Version FROM WebhookSubscriptions{0}
        """;

    public static readonly DialectSql EntityVersions = Portable(string.Format(EntityVersionsFrom, ""));

    public static readonly DialectSql EntityVersionsOf = Portable(string.Format(EntityVersionsFrom, " WHERE Id IN @Ids"));

    private static DialectSql Portable(string sql) => new(sql, sql);
}

internal static class AuditCheckpointSql
{
    private const string Columns = "Seq, Id, CreatedAt, Heads, Signature";

    public const string Insert = """
        INSERT INTO AuditCheckpoints (Id, CreatedAt, Heads, Signature)
        VALUES (@Id, @CreatedAt, @Heads, @Signature)
        """;

    public const string FindById = $"SELECT {Columns} FROM AuditCheckpoints WHERE Id = @Id";

    /// <summary>Every checkpoint, for the start-up step's one look before it would re-chain a trail.</summary>
    public const string All = $"SELECT {Columns} FROM AuditCheckpoints ORDER BY Seq";

    /// <summary>Newest first: the latest checkpoint is the one verification and its readers want.</summary>
    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM AuditCheckpoints
        WHERE Seq < @BeforeSeq
        ORDER BY Seq DESC
        """);
}
