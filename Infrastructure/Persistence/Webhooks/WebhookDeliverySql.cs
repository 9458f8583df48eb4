namespace Rectify.Infrastructure.Persistence.Webhooks;

internal static class WebhookDeliverySql
{
    private const string EnqueueForSubscriptions = """
        INSERT INTO WebhookDeliveries (SubscriptionId, EventId, EventType, Payload, Status, Attempts, NextAttemptAt, CreatedAt, ExpiresAt)
        SELECT s.Id, @EventId, @EventType, @Payload, 'pending', 0, @Now, @Now, @ExpiresAt
        FROM WebhookSubscriptions s
        WHERE s.Active = 1
          AND s.Events LIKE @EventPattern ESCAPE '\'
          AND (s.UnitId IS NULL OR EXISTS (
                SELECT 1
                FROM ItemUnits iu
                JOIN Units u ON u.Id = iu.UnitId
                JOIN Units su ON su.Id = s.UnitId
                WHERE iu.ItemId = @ItemId AND u.Path LIKE {0}))
        """;

    /// <summary>
    /// The outbox write of one event: a delivery for every active subscription that takes its type and, when limited to
    /// a unit, has that unit or one below it among the item's units. A unit's path starts with its ancestors' paths (and
    /// holds only hex digits and slashes, no LIKE wildcards); the dialects differ only in how they join text.
    /// </summary>
    public static readonly DialectSql Enqueue = new(
        string.Format(EnqueueForSubscriptions, "su.Path || '%'"),
        string.Format(EnqueueForSubscriptions, "su.Path + N'%'"));

    public const string AnyActiveSubscription = "SELECT COUNT(*) FROM WebhookSubscriptions WHERE Active = 1";

    public const string EnqueueOne = """
        INSERT INTO WebhookDeliveries (SubscriptionId, EventId, EventType, Payload, Status, Attempts, NextAttemptAt, CreatedAt, ExpiresAt)
        VALUES (@SubscriptionId, @EventId, @EventType, @Payload, 'pending', 0, @Now, @Now, @ExpiresAt)
        """;

    private const string Columns =
        "Seq, EventId, EventType, Status, Attempts, NextAttemptAt, CreatedAt, LastAttemptAt, DeliveredAt";

    /// <summary>Newest first: the recent deliveries are the ones someone is looking for.</summary>
    public static readonly DialectSql ListForSubscription = DialectSql.Limited($"""
        SELECT {Columns} FROM WebhookDeliveries
        WHERE SubscriptionId = @SubscriptionId AND Seq < @BeforeSeq
        ORDER BY Seq DESC
        """);

    public const string FindOne = $"SELECT {Columns} FROM WebhookDeliveries WHERE SubscriptionId = @SubscriptionId AND EventId = @EventId";

    public const string AttemptsOf = """
        SELECT DeliverySeq, AttemptedAt, StatusCode, DurationMs, Error FROM WebhookAttempts
        WHERE DeliverySeq IN @Seqs
        ORDER BY DeliverySeq, Seq
        """;

    /// <summary>
    /// Keeps the lease's end, so a delivery in flight is not sent a second time at once, but takes the lease from its
    /// owner: that attempt is still recorded, yet its outcome no longer overwrites this request (see
    /// <see cref="Complete"/>), and the delivery goes out again once the lease ends.
    /// </summary>
    public const string Redeliver = """
        UPDATE WebhookDeliveries
        SET Status = 'pending', NextAttemptAt = @Now, ExpiresAt = @ExpiresAt, LeaseOwner = NULL
        WHERE SubscriptionId = @SubscriptionId AND EventId = @EventId
        """;

    /// <summary>Candidates only: each is then claimed with <see cref="Claim"/>, which re-checks the same conditions.</summary>
    public static readonly DialectSql Due = DialectSql.Limited("""
        SELECT d.Seq, d.SubscriptionId, d.EventId, d.EventType, d.Payload, d.Attempts, d.ExpiresAt, s.Url, s.Secret
        FROM WebhookDeliveries d
        JOIN WebhookSubscriptions s ON s.Id = d.SubscriptionId
        WHERE d.Status = 'pending' AND d.NextAttemptAt <= @Now AND (d.LeaseUntil IS NULL OR d.LeaseUntil < @Now)
          AND s.Active = 1
        ORDER BY d.NextAttemptAt, d.Seq
        """);

    /// <summary>
    /// Takes one delivery for one dispatcher until the lease ends. Whoever changes the row first wins; the others see 0
    /// rows and leave it. A dispatcher that dies mid-send loses the row when its lease runs out.
    /// </summary>
    public const string Claim = """
        UPDATE WebhookDeliveries
        SET LeaseOwner = @Owner, LeaseUntil = @LeaseUntil
        WHERE Seq = @Seq AND Status = 'pending' AND NextAttemptAt <= @Now AND (LeaseUntil IS NULL OR LeaseUntil < @Now)
          AND EXISTS (SELECT 1 FROM WebhookSubscriptions s WHERE s.Id = WebhookDeliveries.SubscriptionId AND s.Active = 1)
        """;

    /// <summary>Writes the outcome only while the lease is still this dispatcher's.</summary>
    public const string Complete = """
        UPDATE WebhookDeliveries
        SET Status = @Status, Attempts = Attempts + 1, NextAttemptAt = @NextAttemptAt, LastAttemptAt = @AttemptedAt,
            DeliveredAt = COALESCE(@DeliveredAt, DeliveredAt), LeaseOwner = NULL, LeaseUntil = NULL
        WHERE Seq = @Seq AND LeaseOwner = @Owner
        """;

    /// <summary>Every attempt is kept, even one whose lease ran out; none for a delivery deleted meanwhile.</summary>
    public const string RecordAttempt = """
        INSERT INTO WebhookAttempts (DeliverySeq, AttemptedAt, StatusCode, DurationMs, Error)
        SELECT Seq, @AttemptedAt, @StatusCode, @DurationMs, @Error FROM WebhookDeliveries WHERE Seq = @Seq
        """;
}
