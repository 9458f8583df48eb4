using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

/// <summary>Sends a <c>ping</c> event, <c>{"subscriptionId"}</c>, to this subscription only, through the outbox like any event.</summary>
public sealed record TestWebhookCommand(Guid Id) : ICommand<WebhookDeliveryResponse>;

public sealed class TestWebhookHandler(IWebhookStore webhooks, IWebhookDeliveryStore deliveries, TimeProvider clock)
    : ICommandHandler<TestWebhookCommand, WebhookDeliveryResponse>
{
    public async ValueTask<WebhookDeliveryResponse> Handle(TestWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        WebhookGuards.EnsureActive(subscription);
        var ping = new WebhookEvent(Guid.CreateVersion7(), WebhookEventTypes.Ping, clock.GetUtcNow(), ItemId: null,
            new Dictionary<string, object?> { ["subscriptionId"] = subscription.Id });
        await deliveries.EnqueueAsync(subscription.Id, ping, cancellationToken);
        return await deliveries.FindAsync(subscription.Id, ping.Id, cancellationToken)
               ?? throw new InvalidOperationException("The ping just enqueued is missing.");
    }
}

internal static class WebhookGuards
{
    /// <summary>Nothing is sent to an inactive subscription, so queuing for one would only pile up.</summary>
    public static void EnsureActive(WebhookSubscription subscription)
    {
        if (!subscription.Active)
            throw new ConflictException(
                $"Webhook '{subscription.Id}' is inactive{(subscription.DisabledReason is { } reason ? $" ({reason})" : "")}; " +
                "switch it on with PATCH {\"active\": true} first.");
    }
}
