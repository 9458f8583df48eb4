using Mediator;
using Rectify.Application.Common;

namespace Rectify.Application.Units;

/// <summary>Units are never deleted: items and the audit trail keep pointing at them. DELETE deactivates.</summary>
public sealed record DeactivateUnitCommand(Guid Id, ExpectedVersion ExpectedVersion) : ICommand<UnitResponse>;

public sealed class DeactivateUnitHandler(ISender sender) : ICommandHandler<DeactivateUnitCommand, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(DeactivateUnitCommand command, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateUnitCommand(command.Id, command.ExpectedVersion,
            new UnitPatch(default, default, default, default, default, default, false)), cancellationToken);
}
