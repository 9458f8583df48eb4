using Mediator;

namespace Rectify.Application.Clients;

/// <summary>
/// On a database without clients, creates the first admin key (the configured one, or a fresh one) and
/// returns it so start-up can print it once. Returns null when clients already exist.
/// </summary>
public sealed record BootstrapAdminCommand(string? ConfiguredKey) : ICommand<CreatedClientResponse?>;

public sealed class BootstrapAdminHandler(IClientStore clients, ISender sender)
    : ICommandHandler<BootstrapAdminCommand, CreatedClientResponse?>
{
    public async ValueTask<CreatedClientResponse?> Handle(BootstrapAdminCommand command, CancellationToken cancellationToken)
    {
        if (await clients.AnyAsync(cancellationToken))
            return null;
        return await sender.Send(new CreateClientCommand("bootstrap admin", [Scopes.Admin], null, command.ConfiguredKey),
            cancellationToken);
    }
}
