using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// The item's own fields; left out stays, <c>null</c> clears. Progress, sign-off, extensions and recurrence have
/// their own routes and rules, so they are not written here.
/// </summary>
public sealed record ItemPatch(
    Optional<string> Code,
    Optional<string> Title,
    Optional<string?> Description,
    Optional<string?> Requirement,
    Optional<string?> Target,
    Optional<ItemCategory> Category,
    Optional<string?> Area,
    Optional<string?> Industry,
    Optional<string?> Aspect,
    Optional<bool> IsKey,
    Optional<Guid> LeadUnitId,
    Optional<IReadOnlyList<ItemUnitInput>> Units,
    Optional<string?> ResponsiblePerson,
    Optional<string?> ResponsiblePhone,
    Optional<IReadOnlyList<DeadlineKind>> DeadlineKinds,
    Optional<DateOnly?> DueDate,
    Optional<QuantityInput?> Quantity,
    Optional<IReadOnlyList<ExternalRefInput>> ExternalRefs);

public sealed record UpdateItemCommand(Guid Id, ExpectedVersion ExpectedVersion, ItemPatch Patch) : ICommand<ItemResponse>;

public sealed class UpdateItemValidator : AbstractValidator<UpdateItemCommand>
{
    public UpdateItemValidator()
    {
        RuleFor(x => x.Patch.Code.Value).ItemCode().OverridePropertyName("code").When(x => x.Patch.Code.HasValue);
        RuleFor(x => x.Patch.Title.Value).ItemTitle().OverridePropertyName("title").When(x => x.Patch.Title.HasValue);
        RuleFor(x => x.Patch.Description.Value).LongText().OverridePropertyName("description");
        RuleFor(x => x.Patch.Requirement.Value).LongText().OverridePropertyName("requirement");
        RuleFor(x => x.Patch.Target.Value).LongText().OverridePropertyName("target");
        RuleFor(x => x.Patch.Category.Value).IsInEnum().OverridePropertyName("category");
        RuleFor(x => x.Patch.Area.Value).ShortText().OverridePropertyName("area");
        RuleFor(x => x.Patch.Industry.Value).ShortText().OverridePropertyName("industry");
        RuleFor(x => x.Patch.Aspect.Value).ShortText().OverridePropertyName("aspect");
        RuleFor(x => x.Patch.LeadUnitId.Value).NotEmpty().OverridePropertyName("leadUnitId").When(x => x.Patch.LeadUnitId.HasValue);
        RuleFor(x => x.Patch.Units.Value).NotNull().OtherUnits().OverridePropertyName("units").When(x => x.Patch.Units.HasValue);
        RuleFor(x => x.Patch.ResponsiblePerson.Value).ShortText().OverridePropertyName("responsiblePerson");
        RuleFor(x => x.Patch.ResponsiblePhone.Value).Phone().OverridePropertyName("responsiblePhone");
        RuleFor(x => x.Patch.DeadlineKinds.Value).DeadlineKindSet().OverridePropertyName("deadlineKinds").When(x => x.Patch.DeadlineKinds.HasValue);
        RuleFor(x => x.Patch.DueDate.Value).BusinessDate().OverridePropertyName("dueDate");
        RuleFor(x => x.Patch.Quantity.Value).QuantityShape().OverridePropertyName("quantity");
        RuleFor(x => x.Patch.ExternalRefs.Value).NotNull().ExternalRefList().OverridePropertyName("externalRefs").When(x => x.Patch.ExternalRefs.HasValue);
    }
}

public sealed class UpdateItemHandler(ItemRepository repository, ItemEditing editing)
    : ICommandHandler<UpdateItemCommand, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(UpdateItemCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.Id, cancellationToken);
        command.ExpectedVersion.Check("Item", item.Id, item.Version);
        var patch = command.Patch;
        var was = item.Content;
        var content = new ItemContent(
            patch.Code.Or(was.Code).Trim(), patch.Title.Or(was.Title).Trim(), patch.Description.Or(was.Description),
            patch.Requirement.Or(was.Requirement), patch.Target.Or(was.Target), patch.Category.Or(was.Category),
            patch.Area.Or(was.Area), patch.Industry.Or(was.Industry), patch.Aspect.Or(was.Aspect), patch.IsKey.Or(was.IsKey),
            patch.ResponsiblePerson.Or(was.ResponsiblePerson), patch.ResponsiblePhone.Or(was.ResponsiblePhone),
            patch.Quantity.HasValue ? patch.Quantity.Value?.Target : was.QuantityTarget,
            patch.Quantity.HasValue ? patch.Quantity.Value?.Unit : was.QuantityUnit,
            patch.ExternalRefs.HasValue ? ItemFields.ToRefs(patch.ExternalRefs.Value) : was.ExternalRefs);

        (Guid, IReadOnlyList<ItemUnitInput>)? assignment = null;
        if (patch.LeadUnitId.HasValue || patch.Units.HasValue)
        {
            var lead = patch.LeadUnitId.Or(item.LeadUnitId);
            assignment = (lead, patch.Units.HasValue
                ? patch.Units.Value
                : item.Units.Where(u => u.Role != UnitRole.Lead && u.UnitId != lead).Select(u => new ItemUnitInput(u.UnitId, u.Role)).ToList());
        }
        await editing.ApplyAsync(item, content, assignment, patch.DeadlineKinds.Or(item.DeadlineKinds),
            patch.DueDate.Or(item.DueDate), cancellationToken);
        return await repository.SaveAsync(item, cancellationToken);
    }
}
