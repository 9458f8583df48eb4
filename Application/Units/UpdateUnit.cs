using Rectify.Domain.Common;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
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

public sealed class UpdateUnitHandler(IUnitStore units, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<UpdateUnitCommand, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(UpdateUnitCommand command, CancellationToken cancellationToken)
    {
        var unit = await units.GetForUpdateAsync(command.Id, cancellationToken);
        command.ExpectedVersion.Check("Unit", unit.Id, unit.Version);
        var before = UnitResponse.From(unit);
        var patch = command.Patch;

        if (patch.Code.HasValue)
        {
            var code = patch.Code.Value.Trim();
            if (await units.CodeExistsAsync(code, unit.Id, cancellationToken))
                throw new ConflictException($"A unit with code '{code}' already exists.");
            unit.Code = code;
        }
        unit.Name = patch.Name.Or(unit.Name).Trim();
        unit.Kind = patch.Kind.Or(unit.Kind);
        unit.ContactName = patch.ContactName.Or(unit.ContactName);
        unit.ContactPhone = patch.ContactPhone.Or(unit.ContactPhone);
        if (patch.Active.HasValue)
            unit.SetActive(patch.Active.Value);
        var descendants = patch.ParentId.HasValue && patch.ParentId.Value != unit.ParentId
            ? await MoveAsync(unit, patch.ParentId.Value, cancellationToken)
            : [];

        var changes = AuditedUnit.Snapshot(before, unit);
        if (changes.Count == 0)
            return before;

        var now = clock.GetUtcNow();
        unit.Touch(now);
        await units.UpdateAsync(unit, cancellationToken);
        foreach (var descendant in descendants)
        {
            descendant.Touch(now);
            await units.UpdateAsync(descendant, cancellationToken);
            await audit.RecordAsync(AuditedUnit.EntityType, descendant.Id, "moved_with_ancestor",
                [new FieldChange("ancestorId", null, unit.Id), new FieldChange("ancestorParentId", before.ParentId, unit.ParentId)],
                cancellationToken);
        }
        await audit.RecordAsync(AuditedUnit.EntityType, unit.Id, "updated", changes, cancellationToken);
        return UnitResponse.From(unit);
    }

    /// <summary>Moves the unit and returns its descendants, whose stored paths now need the new prefix.</summary>
    private async Task<IReadOnlyList<OrgUnit>> MoveAsync(OrgUnit unit, Guid? parentId, CancellationToken cancellationToken)
    {
        var parent = await units.GetParentAsync(parentId, cancellationToken);
        var descendants = await units.ListDescendantsAsync(unit, cancellationToken);
        var oldPath = unit.Path;
        unit.MoveUnder(parent);
        foreach (var descendant in descendants)
            descendant.ReplacePathPrefix(oldPath, unit.Path);
        return descendants;
    }
}
