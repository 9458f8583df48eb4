using Rectify.Application.Common.Paging;
using Rectify.Application.Common;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

public interface IWebhookStore : IAggregateStore<WebhookSubscription>
{
    Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken);
    Task<Page<WebhookSubscription>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken);
}

/// <summary>The deliveries of one subscription, as the admin endpoints see them.</summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Newest first.</summary>
    Task<Page<WebhookDeliveryResponse>> ListAsync(Guid subscriptionId, int limit, string? cursor, CancellationToken cancellationToken);
    Task<WebhookDeliveryResponse?> FindAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken);

    /// <summary>Writes one pending delivery of the event to this subscription only, whatever events it chose.</summary>
    Task EnqueueAsync(Guid subscriptionId, WebhookEvent webhookEvent, CancellationToken cancellationToken);

    /// <summary>Makes the delivery pending and due now, with a fresh retry window; false when there is no such delivery.</summary>
    Task<bool> RedeliverAsync(Guid subscriptionId, Guid eventId, CancellationToken cancellationToken);
}
