using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Clients;

public sealed record GetClientQuery(Guid Id) : IQuery<ClientResponse>;

public sealed class GetClientHandler(IClientStore clients) : IQueryHandler<GetClientQuery, ClientResponse>
{
    public async ValueTask<ClientResponse> Handle(GetClientQuery query, CancellationToken cancellationToken) =>
        ClientResponse.From(await clients.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Client", query.Id));
}
