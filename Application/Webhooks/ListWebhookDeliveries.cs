using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Webhooks;

public sealed record ListWebhookDeliveriesQuery(Guid Id, int Limit, string? Cursor) : IQuery<Page<WebhookDeliveryResponse>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListWebhookDeliveriesHandler(IWebhookStore webhooks, IWebhookDeliveryStore deliveries)
    : IQueryHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryResponse>>
{
    public async ValueTask<Page<WebhookDeliveryResponse>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (await webhooks.FindAsync(query.Id, cancellationToken) is null)
            throw new NotFoundException("Webhook", query.Id);
        return await deliveries.ListAsync(query.Id, query.Limit, query.Cursor, cancellationToken);
    }
}
