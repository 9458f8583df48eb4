using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Webhooks;

/// <summary>
/// Sends a delivery again, whatever became of it: pending and due now, with a fresh 24-hour retry window, the same
/// body and the same <c>webhook-id</c>, so a receiver that already has the event can tell.
/// </summary>
public sealed record RedeliverWebhookCommand(Guid Id, Guid EventId) : ICommand<WebhookDeliveryResponse>;

public sealed class RedeliverWebhookHandler(IWebhookStore webhooks, IWebhookDeliveryStore deliveries)
    : ICommandHandler<RedeliverWebhookCommand, WebhookDeliveryResponse>
{
    public async ValueTask<WebhookDeliveryResponse> Handle(RedeliverWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        WebhookGuards.EnsureActive(subscription);
        if (!await deliveries.RedeliverAsync(subscription.Id, command.EventId, cancellationToken))
            throw new NotFoundException("Delivery", command.EventId);
        return (await deliveries.FindAsync(subscription.Id, command.EventId, cancellationToken))!;
    }
}
