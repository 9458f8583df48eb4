using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Clients;

public sealed record ListClientsQuery(int Limit, string? Cursor) : IQuery<Page<ClientResponse>>;

public sealed class ListClientsValidator : AbstractValidator<ListClientsQuery>
{
    public ListClientsValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListClientsHandler(IClientStore clients) : IQueryHandler<ListClientsQuery, Page<ClientResponse>>
{
    public async ValueTask<Page<ClientResponse>> Handle(ListClientsQuery query, CancellationToken cancellationToken) =>
        (await clients.ListAsync(query.Limit, query.Cursor, cancellationToken)).Map(ClientResponse.From);
}
