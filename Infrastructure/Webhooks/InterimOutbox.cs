using Rectify.Application.Webhooks;

namespace Rectify.Infrastructure.Webhooks;

// INTERIM until the webhooks branch is merged: replaced by the real outbox.
internal sealed class InterimOutbox : IWebhookOutbox
{
    public Task EnqueueAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}
