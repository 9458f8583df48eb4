namespace Rectify.Infrastructure.Persistence.Idempotency;

/// <summary><c>Key</c> is a reserved word in T-SQL; brackets quote it in both dialects.</summary>
internal static class IdempotencySql
{
    public const string Find = """
        SELECT RequestHash, Status, ResponseStatus, ResponseLocation, ResponseETag, ResponseBody
        FROM IdempotencyRecords
        WHERE ClientId = @ClientId AND [Key] = @Key
        """;

    /// <summary>
    /// A second request with the key fails on the primary key: on SQL Server it first waits for the transaction that
    /// holds the key, so it fails only once that one committed.
    /// </summary>
    public const string Claim = """
        INSERT INTO IdempotencyRecords (ClientId, [Key], RequestHash, Status, CreatedAt, ExpiresAt)
        VALUES (@ClientId, @Key, @RequestHash, 'in_progress', @CreatedAt, @ExpiresAt)
        """;

    public const string Complete = """
        UPDATE IdempotencyRecords
        SET Status = 'completed', ResponseStatus = @Status, ResponseLocation = @Location, ResponseETag = @ETag,
            ResponseBody = @Body
        WHERE ClientId = @ClientId AND [Key] = @Key AND Status = 'in_progress'
        """;

    /// <summary>One small batch per statement, found through the ExpiresAt index, so writers never queue long behind it.</summary>
    public static readonly DialectSql PurgeExpired = new(
        """
        DELETE FROM IdempotencyRecords
        WHERE rowid IN (SELECT rowid FROM IdempotencyRecords WHERE ExpiresAt <= @Now LIMIT @BatchSize)
        """,
        """
        DELETE TOP (@BatchSize) FROM IdempotencyRecords
        WHERE ExpiresAt <= @Now
        """);
}
