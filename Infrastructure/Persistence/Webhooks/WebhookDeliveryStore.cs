using Rectify.Application.Common.Paging;
using Rectify.Application.Webhooks;

namespace Rectify.Infrastructure.Persistence.Webhooks;

internal sealed class WebhookDeliveryStore(DbSession db, TimeProvider clock) : IWebhookDeliveryStore
{
    /// <summary>How long a delivery is retried before it is given up as failed.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);

    public async Task<Page<WebhookDeliveryResponse>> ListAsync(Guid subscriptionId, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var before = Cursor.Decode<SeqKey>(cursor) ?? new SeqKey(long.MaxValue);
        var rows = await db.QueryAsync<DeliveryRow>(db.Pick(WebhookDeliverySql.ListForSubscription),
            new { SubscriptionId = subscriptionId, BeforeSeq = before.Seq, Limit = limit + 1 }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq));
        var attempts = await AttemptsAsync(page.Items, cancellationToken);
        return page.Map(r => r.ToResponse(attempts[r.Seq]));
    }

    public async Task<WebhookDeliveryResponse?> FindAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<DeliveryRow>(WebhookDeliverySql.FindOne,
            new { SubscriptionId = subscriptionId, EventId = eventId }, cancellationToken);
        return row is null ? null : row.ToResponse((await AttemptsAsync([row], cancellationToken))[row.Seq]);
    }

    public async Task EnqueueAsync(Guid subscriptionId, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(WebhookDeliverySql.EnqueueOne, new
        {
            SubscriptionId = subscriptionId, EventId = webhookEvent.Id, EventType = webhookEvent.Type,
            Payload = WebhookPayload.Serialize(webhookEvent), Now = now, ExpiresAt = now + RetryWindow,
        }, cancellationToken);
    }

    public async Task<bool> RedeliverAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.ExecuteAsync(WebhookDeliverySql.Redeliver,
            new { SubscriptionId = subscriptionId, EventId = eventId, Now = now, ExpiresAt = now + RetryWindow }, cancellationToken) == 1;
    }

    private async Task<ILookup<long, WebhookAttemptResponse>> AttemptsAsync(IReadOnlyList<DeliveryRow> deliveries,
        CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
            return Array.Empty<AttemptRow>().ToLookup(a => a.DeliverySeq, a => a.ToResponse());
        var rows = await db.QueryAsync<AttemptRow>(WebhookDeliverySql.AttemptsOf, new { Seqs = deliveries.Select(d => d.Seq).ToList() },
            cancellationToken);
        return rows.ToLookup(a => a.DeliverySeq, a => a.ToResponse());
    }

    private sealed class DeliveryRow
    {
        public long Seq { get; init; }
        public Guid EventId { get; init; }
        public string EventType { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastAttemptAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }

        public WebhookDeliveryResponse ToResponse(IEnumerable<WebhookAttemptResponse> attempts) => new(EventId, EventType, Status,
            Attempts, CreatedAt, Status == DeliveryStatus.Pending ? NextAttemptAt : null, LastAttemptAt, DeliveredAt,
            attempts.ToList());
    }

    private sealed class AttemptRow
    {
        public long DeliverySeq { get; init; }
        public DateTimeOffset AttemptedAt { get; init; }
        public int? StatusCode { get; init; }
        public int DurationMs { get; init; }
        public string? Error { get; init; }

        public WebhookAttemptResponse ToResponse() => new(AttemptedAt, StatusCode, DurationMs, Error);
    }
}
