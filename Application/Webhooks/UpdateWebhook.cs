using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Application.Units;
using Rectify.Domain.Webhooks;

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
    public UpdateWebhookValidator(IWebhookTargetPolicy targets)
    {
        RuleFor(x => x.Patch.Url.Value).WebhookUrl().OverridePropertyName("url").When(x => x.Patch.Url.HasValue)
            .DependentRules(() => RuleFor(x => x.Patch.Url.Value).AllowedTarget(targets));
        RuleFor(x => x.Patch.Events.Value).WebhookEvents().OverridePropertyName("events").When(x => x.Patch.Events.HasValue);
        RuleFor(x => x.Patch.Description.Value).WebhookDescription().OverridePropertyName("description");
    }
}

public sealed class UpdateWebhookHandler(IWebhookStore webhooks, IUnitStore units,
    AggregateRepository<WebhookSubscription> repository) : ICommandHandler<UpdateWebhookCommand, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook", command.Id);
        command.ExpectedVersion.Check("Webhook", subscription.Id, subscription.Version);
        var patch = command.Patch;

        var url = patch.Url.HasValue ? patch.Url.Value.Trim() : subscription.Url;
        var unitId = patch.UnitId.Or(subscription.UnitId);
        if (unitId is { } id && unitId != subscription.UnitId && await units.FindAsync(id, cancellationToken) is null)
            throw InvalidField.Because("unitId", $"Unit '{id}' does not exist.");

        subscription.Edit(url, patch.Events.Or(subscription.EventTypes), unitId, patch.Active.Or(subscription.Active),
            patch.Description.Or(subscription.Description));
        await repository.SaveAsync(subscription, cancellationToken);
        return WebhookResponse.From(subscription);
    }
}
