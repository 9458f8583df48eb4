using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

/// <summary>The fields to change; a field left out of the body stays as it is, <c>null</c> clears it.</summary>
public sealed record UnitPatch(
    Optional<string> Code,
    Optional<string> Name,
    Optional<UnitKind> Kind,
    Optional<Guid?> ParentId,
    Optional<string?> ContactName,
    Optional<string?> ContactPhone,
    Optional<bool> Active);

public sealed record UpdateUnitCommand(Guid Id, ExpectedVersion ExpectedVersion, UnitPatch Patch) : ICommand<UnitResponse>;

public sealed class UpdateUnitValidator : AbstractValidator<UpdateUnitCommand>
{
    public UpdateUnitValidator()
    {
        RuleFor(x => x.Patch.Code.Value).UnitCode().OverridePropertyName("code").When(x => x.Patch.Code.HasValue);
        RuleFor(x => x.Patch.Name.Value).UnitName().OverridePropertyName("name").When(x => x.Patch.Name.HasValue);
        RuleFor(x => x.Patch.Kind.Value).IsInEnum().OverridePropertyName("kind").When(x => x.Patch.Kind.HasValue);
        RuleFor(x => x.Patch.ContactName.Value).Contact().OverridePropertyName("contactName");
        RuleFor(x => x.Patch.ContactPhone.Value).Contact().OverridePropertyName("contactPhone");
    }
}

public sealed class UpdateUnitHandler(IUnitStore units, AggregateRepository<OrgUnit> repository)
    : ICommandHandler<UpdateUnitCommand, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(UpdateUnitCommand command, CancellationToken cancellationToken)
    {
        var unit = await units.GetForUpdateAsync(command.Id, cancellationToken);
        command.ExpectedVersion.Check("Unit", unit.Id, unit.Version);
        var patch = command.Patch;

        var code = patch.Code.HasValue ? patch.Code.Value.Trim() : unit.Code;
        if (patch.Code.HasValue && await units.CodeExistsAsync(code, unit.Id, cancellationToken))
            throw new ConflictException($"A unit with code '{code}' already exists.");
        var details = new UnitDetails(code, patch.Name.Or(unit.Name).Trim(), patch.Kind.Or(unit.Kind),
            patch.ContactName.Or(unit.ContactName), patch.ContactPhone.Or(unit.ContactPhone));
        var move = patch.ParentId.HasValue && patch.ParentId.Value != unit.ParentId
            ? new UnitMove(await units.GetParentAsync(patch.ParentId.Value, cancellationToken),
                await units.ListDescendantsAsync(unit, cancellationToken))
            : null;

        unit.Edit(details, patch.Active.Or(unit.Active), move);
        await repository.SaveAsync(unit, cancellationToken);
        foreach (var descendant in move?.Descendants ?? [])
            await repository.SaveAsync(descendant, cancellationToken);
        return UnitResponse.From(unit);
    }
}
