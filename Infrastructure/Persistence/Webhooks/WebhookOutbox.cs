using Rectify.Application.Webhooks;

namespace Rectify.Infrastructure.Persistence.Webhooks;

/// <summary>
/// Writes an event's deliveries in the caller's transaction: one INSERT … SELECT per event picks the subscriptions,
/// so a subscription created or switched off concurrently is either wholly in or wholly out.
/// </summary>
internal sealed class WebhookOutbox(DbSession db, TimeProvider clock) : IWebhookOutbox
{
    public async Task EnqueueAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken)
    {
        // Most saves find no subscriber at all: then nothing is serialized and nothing is inserted. Read in the same
        // transaction as the inserts would be, so this is as atomic as they are.
        if (await db.ExecuteScalarAsync<long>(WebhookDeliverySql.AnyActiveSubscription, null, cancellationToken) == 0)
            return;
        var now = clock.GetUtcNow();
        foreach (var webhookEvent in events)
            await db.ExecuteAsync(db.Pick(WebhookDeliverySql.Enqueue), new
            {
                EventId = webhookEvent.Id,
                EventType = webhookEvent.Type,
                Payload = WebhookPayload.Serialize(webhookEvent),
                EventPattern = EventList.Pattern(webhookEvent.Type),
                webhookEvent.ItemId,
                Now = now,
                ExpiresAt = now + WebhookDeliveryStore.RetryWindow,
            }, cancellationToken);
    }
}
