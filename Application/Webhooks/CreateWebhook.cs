using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Application.Units;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

/// <summary>Subscribes a URL to events.</summary>
/// <param name="Url">Where to POST the events: an absolute http or https URL.</param>
/// <param name="Events">The event types to receive, e.g. <c>item.created</c>.</param>
/// <param name="UnitId">Only events of items where this unit or a unit below it holds a role; omit for every item.</param>
/// <param name="Active">Whether deliveries are sent; true when omitted.</param>
public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string> Events, Guid? UnitId, bool? Active,
    string? Description) : ICommand<CreatedWebhookResponse>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator(IWebhookTargetPolicy targets)
    {
        RuleFor(x => x.Url).WebhookUrl().DependentRules(() => RuleFor(x => x.Url).AllowedTarget(targets));
        RuleFor(x => x.Events).WebhookEvents();
        RuleFor(x => x.Description).WebhookDescription();
    }
}

public sealed class CreateWebhookHandler(IUnitStore units, AggregateRepository<WebhookSubscription> repository, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, CreatedWebhookResponse>
{
    public async ValueTask<CreatedWebhookResponse> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        if (command.UnitId is { } unitId && await units.FindAsync(unitId, cancellationToken) is null)
            throw InvalidField.Because("unitId", $"Unit '{unitId}' does not exist.");
        var subscription = WebhookSubscription.Create(Guid.CreateVersion7(), command.Url.Trim(), command.Events, command.UnitId,
            command.Active ?? true, command.Description, WebhookSecret.Generate(), clock.GetUtcNow());
        await repository.SaveAsync(subscription, cancellationToken);
        return new CreatedWebhookResponse(subscription.Id, subscription.Url, subscription.EventTypes, subscription.UnitId,
            subscription.Active, subscription.Description, subscription.Secret, subscription.CreatedAt, subscription.UpdatedAt,
            subscription.Version);
    }
}
