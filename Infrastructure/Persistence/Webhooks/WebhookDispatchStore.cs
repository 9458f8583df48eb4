namespace Rectify.Infrastructure.Persistence.Webhooks;

/// <summary>A delivery that is due, with what sending it takes.</summary>
internal sealed class DueDelivery
{
    public long Seq { get; init; }
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public string EventType { get; init; } = "";
    public string Payload { get; init; } = "";
    public int Attempts { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string Url { get; init; } = "";
    public string Secret { get; init; } = "";
}

/// <summary>The dispatcher's side of the outbox. Each call runs in the caller's transaction, as every store's does.</summary>
internal sealed class WebhookDispatchStore(DbSession db)
{
    public async Task<IReadOnlyList<DueDelivery>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.QueryAsync<DueDelivery>(db.Pick(WebhookDeliverySql.Due), new { Now = now, Limit = limit }, cancellationToken);

    public async Task<bool> ClaimAsync(long seq, string owner, DateTimeOffset now, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken) =>
        await db.ExecuteAsync(WebhookDeliverySql.Claim, new { Seq = seq, Owner = owner, Now = now, LeaseUntil = leaseUntil },
            cancellationToken) == 1;

    /// <summary>Records the attempt and, while the lease is still <paramref name="owner"/>'s, the delivery's new state.</summary>
    public async Task CompleteAsync(long seq, string owner, string status, DateTimeOffset attemptedAt, DateTimeOffset nextAttemptAt,
        int? statusCode, int durationMs, string? error, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(WebhookDeliverySql.RecordAttempt, new
        {
            Seq = seq, AttemptedAt = attemptedAt, StatusCode = statusCode, DurationMs = durationMs, Error = error,
        }, cancellationToken);
        await db.ExecuteAsync(WebhookDeliverySql.Complete, new
        {
            Seq = seq, Owner = owner, Status = status, AttemptedAt = attemptedAt, NextAttemptAt = nextAttemptAt,
            DeliveredAt = status == DeliveryStatus.Delivered ? attemptedAt : (DateTimeOffset?)null,
        }, cancellationToken);
    }
}
