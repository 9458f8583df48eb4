using Mediator;
using Rectify.Application.Webhooks;

namespace Rectify.Application.Auditing;

/// <summary>
/// Records every chain's head, signed, and sends it as an <c>audit.checkpoint</c> webhook event.
/// <paramref name="UnlessWithin"/> is for the schedule: nothing is made while the newest checkpoint is younger than
/// that, checked in the command's transaction, so instances sharing a database do not each make one.
/// </summary>
public sealed record CreateAuditCheckpointCommand(TimeSpan? UnlessWithin = null) : ICommand<AuditCheckpoint?>;

public sealed class CreateAuditCheckpointHandler(IAuditCheckpointStore checkpoints, IAuditKey key, IWebhookOutbox outbox,
    TimeProvider clock) : ICommandHandler<CreateAuditCheckpointCommand, AuditCheckpoint?>
{
    public async ValueTask<AuditCheckpoint?> Handle(CreateAuditCheckpointCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (command.UnlessWithin is { } within &&
            (await checkpoints.ListAsync(1, null, cancellationToken)).Items is [var newest] && newest.CreatedAt > now - within)
            return null;

        var unsigned = new AuditCheckpoint(Guid.CreateVersion7(), now, await checkpoints.ReadHeadsAsync(cancellationToken), "");
        var checkpoint = unsigned with { Signature = key.Sign(unsigned.SignedText()) };
        await checkpoints.InsertAsync(checkpoint, cancellationToken);
        await outbox.EnqueueAsync([new WebhookEvent(checkpoint.Id, WebhookEventTypes.AuditCheckpoint, now, ItemId: null,
            new Dictionary<string, object?> { ["checkpoint"] = checkpoint })], cancellationToken);
        return checkpoint;
    }
}
