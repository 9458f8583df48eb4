namespace Rectify.Application.Webhooks;

/// <summary>
/// An event as subscribers receive it. <paramref name="Id"/> is the <c>webhook-id</c>, the same on every retry;
/// <paramref name="Data"/> is the payload's <c>data</c> (for item events: <c>item</c> and the change's own fields).
/// </summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset Timestamp, Guid? ItemId,
    IReadOnlyDictionary<string, object?> Data);

/// <summary>
/// The transactional outbox: called by the save path inside the change's transaction, so a delivery exists
/// exactly when its change committed.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Writes one pending delivery per active subscription that takes the event's type and, for a subscription
    /// limited to a unit, whose unit or a unit below it holds a role on the event's item.
    /// </summary>
    Task EnqueueAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken);
}
