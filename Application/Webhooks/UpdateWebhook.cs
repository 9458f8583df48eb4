using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;

namespace Rectify.Application.Webhooks;

/// <summary>The fields to change; a field left out stays as it is, <c>null</c> clears an optional one.</summary>
public sealed record WebhookPatch(
    Optional<string> Url,
    Optional<IReadOnlyList<string>> Events,
    Optional<Guid?> UnitId,
    Optional<bool> Active,
    Optional<string?> Description);

public sealed record UpdateWebhookCommand(Guid Id, ExpectedVersion ExpectedVersion, WebhookPatch Patch) : ICommand<WebhookResponse>;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator()
    {
        RuleFor(x => x.Patch.Url.Value).WebhookUrl().OverridePropertyName("url").When(x => x.Patch.Url.HasValue);
        RuleFor(x => x.Patch.Events.Value).WebhookEvents().OverridePropertyName("events").When(x => x.Patch.Events.HasValue);
        RuleFor(x => x.Patch.Description.Value).WebhookDescription().OverridePropertyName("description");
    }
}

public sealed class UpdateWebhookHandler(IWebhookStore webhooks, IUnitStore units, IWebhookTargetPolicy targets,
    IAuditLog audit, TimeProvider clock) : ICommandHandler<UpdateWebhookCommand, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var before = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        command.ExpectedVersion.Check("Webhook", before.Id, before.Version);
        var patch = command.Patch;

        var url = patch.Url.HasValue ? patch.Url.Value.Trim() : before.Url;
        if (url != before.Url && await targets.RefusalAsync(new Uri(url), cancellationToken) is { } refusal)
            throw InvalidField.Because("url", refusal);
        var unitId = patch.UnitId.Or(before.UnitId);
        if (unitId is { } id && unitId != before.UnitId && await units.FindAsync(id, cancellationToken) is null)
            throw InvalidField.Because("unitId", $"Unit '{id}' does not exist.");
        var active = patch.Active.Or(before.Active);

        var after = before with
        {
            Url = url,
            Events = patch.Events.HasValue ? patch.Events.Value.Distinct().ToList() : before.Events,
            UnitId = unitId,
            Active = active,
            Description = patch.Description.Or(before.Description),
            // Switching a subscription on again is the answer to why it was switched off.
            DisabledReason = active ? null : before.DisabledReason,
        };
        var changes = AuditedWebhook.Snapshot(before, after);
        if (changes.Count == 0)
            return WebhookResponse.From(before);

        after = after with { Version = before.Version + 1, UpdatedAt = clock.GetUtcNow() };
        await webhooks.UpdateAsync(after, cancellationToken);
        await audit.RecordAsync(AuditedWebhook.EntityType, after.Id, "updated", changes, cancellationToken);
        return WebhookResponse.From(after);
    }
}
