using Mediator;
using Rectify.Application.Common;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

/// <summary>
/// The dispatcher's answer to a 410 Gone: the subscription is switched off with the reason, through the same save
/// path as an admin's change, so the audit trail says why.
/// </summary>
public sealed record DisableWebhookCommand(Guid Id, string Reason) : ICommand<Unit>;

public sealed class DisableWebhookHandler(IWebhookStore webhooks, AggregateRepository<WebhookSubscription> repository)
    : ICommandHandler<DisableWebhookCommand, Unit>
{
    public async ValueTask<Unit> Handle(DisableWebhookCommand command, CancellationToken cancellationToken)
    {
        if (await webhooks.FindAsync(command.Id, cancellationToken) is not { } subscription)
            return Unit.Value;
        subscription.Disable(command.Reason);
        await repository.SaveAsync(subscription, cancellationToken);
        return Unit.Value;
    }
}
