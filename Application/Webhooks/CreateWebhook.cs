using Rectify.Application.Common;
using Rectify.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;

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
    public CreateWebhookValidator()
    {
        RuleFor(x => x.Url).WebhookUrl();
        RuleFor(x => x.Events).WebhookEvents();
        RuleFor(x => x.Description).WebhookDescription();
    }
}

public sealed class CreateWebhookHandler(IUnitStore units, IWebhookTargetPolicy targets,
    AggregateRepository<WebhookSubscription> repository, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, CreatedWebhookResponse>
{
    public async ValueTask<CreatedWebhookResponse> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        if (command.UnitId is { } unitId && await units.FindAsync(unitId, cancellationToken) is null)
            throw InvalidField.Because("unitId", $"Unit '{unitId}' does not exist.");
        var url = command.Url.Trim();
        if (await targets.RefusalAsync(new Uri(url), cancellationToken) is { } refusal)
            throw InvalidField.Because("url", refusal);

        var subscription = WebhookSubscription.Create(Guid.CreateVersion7(), url, command.Events, command.UnitId,
            command.Active ?? true, command.Description, WebhookSecret.Generate(), clock.GetUtcNow());
        await repository.SaveAsync(subscription, cancellationToken);
        return new CreatedWebhookResponse(subscription.Id, subscription.Url, subscription.EventTypes, subscription.UnitId,
            subscription.Active, subscription.Description, subscription.Secret, subscription.CreatedAt, subscription.UpdatedAt,
            subscription.Version);
    }
}
