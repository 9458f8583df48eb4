using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Webhooks;

/// <summary>
/// Removes a subscription with its deliveries: nothing more is sent to it, and its secret is gone. The audit trail
/// keeps what it was.
/// </summary>
public sealed record DeleteWebhookCommand(Guid Id, ExpectedVersion ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteWebhookHandler(IWebhookStore webhooks, IAuditLog audit) : ICommandHandler<DeleteWebhookCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        command.ExpectedVersion.Check("Webhook", subscription.Id, subscription.Version);
        await webhooks.DeleteAsync(subscription.Id, subscription.Version, cancellationToken);
        await audit.RecordAsync(AuditedWebhook.EntityType, subscription.Id, "deleted",
            [new FieldChange("url", subscription.Url, null), new FieldChange("events", string.Join(',', subscription.Events), null)],
            cancellationToken);
        return Unit.Value;
    }
}
