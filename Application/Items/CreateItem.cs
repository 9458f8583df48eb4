using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Application.Inspections;
using Rectify.Application.Units;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>Adds a feedback item to an inspection's ledger.</summary>
public sealed record CreateItemCommand(
    Guid InspectionId,
    string Code,
    string Title,
    string? Description,
    string? Requirement,
    string? Target,
    ItemCategory? Category,
    string? Area,
    string? Industry,
    string? Aspect,
    bool IsKey,
    Guid LeadUnitId,
    IReadOnlyList<ItemUnitInput>? Units,
    string? ResponsiblePerson,
    string? ResponsiblePhone,
    IReadOnlyList<DeadlineKind>? DeadlineKinds,
    DateOnly? DueDate,
    QuantityInput? Quantity,
    IReadOnlyList<ExternalRefInput>? ExternalRefs) : ICommand<ItemResponse>
{
    /// <summary>The item's descriptive fields as given, trimmed where the API trims them.</summary>
    internal ItemContent ToContent() => new(Code.Trim(), Title.Trim(), Description, Requirement, Target, Category!.Value, Area,
        Industry, Aspect, IsKey, ResponsiblePerson, ResponsiblePhone, Quantity?.Target, Quantity?.Unit,
        ItemFields.ToRefs(ExternalRefs));
}

public sealed class CreateItemValidator : AbstractValidator<CreateItemCommand>
{
    public CreateItemValidator()
    {
        RuleFor(x => x.InspectionId).NotEmpty();
        RuleFor(x => x.Code).ItemCode();
        RuleFor(x => x.Title).ItemTitle();
        RuleFor(x => x.Description).LongText();
        RuleFor(x => x.Requirement).LongText();
        RuleFor(x => x.Target).LongText();
        RuleFor(x => x.Category).NotNull().IsInEnum();
        RuleFor(x => x.Area).ShortText();
        RuleFor(x => x.Industry).ShortText();
        RuleFor(x => x.Aspect).ShortText();
        RuleFor(x => x.LeadUnitId).NotEmpty();
        RuleFor(x => x.Units).OtherUnits();
        RuleFor(x => x.ResponsiblePerson).ShortText();
        RuleFor(x => x.ResponsiblePhone).Phone();
        RuleFor(x => x.DeadlineKinds).DeadlineKindSet();
        RuleFor(x => x.DueDate).NotNull().When(x => x.DeadlineKinds?.Contains(DeadlineKind.ByDate) == true)
            .WithMessage("dueDate is required when deadlineKinds contains by_date.");
        RuleFor(x => x.DueDate).BusinessDate();
        RuleFor(x => x.Quantity).QuantityShape();
        RuleFor(x => x.ExternalRefs).ExternalRefList();
    }
}

public sealed class CreateItemHandler(
    IItemStore items, IInspectionStore inspections, IUnitStore units, AccessPolicy policy, ItemRepository repository,
    OfficeCalendar calendar) : ICommandHandler<CreateItemCommand, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(CreateItemCommand command, CancellationToken cancellationToken)
    {
        var inspection = await inspections.FindAsync(command.InspectionId, cancellationToken)
                         ?? throw InvalidField.Because("inspectionId", $"Inspection '{command.InspectionId}' does not exist.");
        var assigned = await ItemFields.ResolveUnitsAsync(units, command.LeadUnitId, command.Units ?? [], cancellationToken);
        await policy.EnsureOwnUnitsAsync("units", assigned.Select(u => u.UnitId), cancellationToken);
        var content = command.ToContent();
        await ItemFields.EnsureUniqueAsync(items, inspection.Id, content, null, cancellationToken);

        var item = Item.Create(Guid.CreateVersion7(), inspection.Id, inspection.SignOffSteps, content, assigned,
            command.DeadlineKinds!, command.DueDate, calendar.Now);
        return await repository.SaveAsync(item, cancellationToken);
    }
}
