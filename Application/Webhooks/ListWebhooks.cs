using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Webhooks;

public sealed record ListWebhooksQuery(int Limit, string? Cursor) : IQuery<Page<WebhookResponse>>;

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListWebhooksHandler(IWebhookStore webhooks) : IQueryHandler<ListWebhooksQuery, Page<WebhookResponse>>
{
    public async ValueTask<Page<WebhookResponse>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken) =>
        (await webhooks.ListAsync(query.Limit, query.Cursor, cancellationToken)).Map(WebhookResponse.From);
}
