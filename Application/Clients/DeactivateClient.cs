using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Clients;

namespace Rectify.Application.Clients;

/// <summary>Revokes a key: the client stays listed (the audit trail names it) but its key no longer authenticates.</summary>
public sealed record DeactivateClientCommand(Guid Id, ExpectedVersion ExpectedVersion) : ICommand<ClientResponse>;

public sealed class DeactivateClientHandler(IClientStore clients, AggregateRepository<ApiClient> repository, ICurrentClient caller)
    : ICommandHandler<DeactivateClientCommand, ClientResponse>
{
    public async ValueTask<ClientResponse> Handle(DeactivateClientCommand command, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Client", command.Id);
        command.ExpectedVersion.Check("Client", client.Id, client.Version);
        if (!client.Active)
            return ClientResponse.From(client);
        if (client.Id == caller.ClientId)
            throw new ConflictException("A key cannot revoke itself; revoke it with another admin key.");
        if (client.Scopes.Contains(Scopes.Admin) && await clients.CountActiveAdminsAsync(cancellationToken) <= 1)
            throw new ConflictException("This is the last active admin key; issue another before revoking it.");

        client.Deactivate();
        await repository.SaveAsync(client, cancellationToken);
        return ClientResponse.From(client);
    }
}
