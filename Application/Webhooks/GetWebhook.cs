using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Webhooks;

public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookResponse>;

public sealed class GetWebhookHandler(IWebhookStore webhooks) : IQueryHandler<GetWebhookQuery, WebhookResponse>
{
    public async ValueTask<WebhookResponse> Handle(GetWebhookQuery query, CancellationToken cancellationToken) =>
        WebhookResponse.From(await webhooks.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Webhook", query.Id));
}
