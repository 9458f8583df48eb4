using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

/// <summary>
/// Removes a subscription with its deliveries: nothing more is sent to it, and its secret is gone. The audit trail
/// keeps what it was.
/// </summary>
public sealed record DeleteWebhookCommand(Guid Id, ExpectedVersion ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteWebhookHandler(IWebhookStore webhooks, AggregateRepository<WebhookSubscription> repository)
    : ICommandHandler<DeleteWebhookCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        command.ExpectedVersion.Check("Webhook", subscription.Id, subscription.Version);
        subscription.Delete();
        await repository.SaveAsync(subscription, cancellationToken);
        return Unit.Value;
    }
}
