using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

/// <summary>Adds a unit to the tree.</summary>
/// <param name="Code">Short unique code, e.g. <c>HBJ</c>.</param>
/// <param name="Name">Full name, e.g. 区生态环境局.</param>
/// <param name="Kind">office, department, township, park, enterprise or other.</param>
/// <param name="ParentId">The unit above this one; omit for a root.</param>
public sealed record CreateUnitCommand(
    string Code,
    string Name,
    UnitKind? Kind,
    Guid? ParentId,
    string? ContactName,
    string? ContactPhone) : ICommand<UnitResponse>;

public sealed class CreateUnitValidator : AbstractValidator<CreateUnitCommand>
{
    public CreateUnitValidator()
    {
        RuleFor(x => x.Code).UnitCode();
        RuleFor(x => x.Name).UnitName();
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.ContactName).Contact();
        RuleFor(x => x.ContactPhone).Contact();
    }
}

public sealed class CreateUnitHandler(IUnitStore units, AggregateRepository<OrgUnit> repository, TimeProvider clock)
    : ICommandHandler<CreateUnitCommand, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(CreateUnitCommand command, CancellationToken cancellationToken)
    {
        var code = command.Code.Trim();
        if (await units.CodeExistsAsync(code, null, cancellationToken))
            throw new ConflictException($"A unit with code '{code}' already exists.");
        var parent = await units.GetParentAsync(command.ParentId, cancellationToken);

        var unit = OrgUnit.Create(Guid.CreateVersion7(), code, command.Name.Trim(), command.Kind!.Value, parent,
            command.ContactName, command.ContactPhone, clock.GetUtcNow());
        await repository.SaveAsync(unit, cancellationToken);
        return UnitResponse.From(unit);
    }
}
