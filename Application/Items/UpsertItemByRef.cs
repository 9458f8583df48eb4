using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// PUT by another system's key: the whole writable item, as that system holds it. Creates the item (the reference
/// recorded in externalRefs) or replaces what was there; a PUT that changes nothing writes nothing.
/// </summary>
public sealed record UpsertItemByRefCommand(string System, string ExternalId, ExpectedVersion ExpectedVersion,
    CreateItemCommand Item) : ICommand<UpsertedItem>;

/// <summary>The item after the upsert, and whether this request created it.</summary>
public sealed record UpsertedItem(ItemResponse Item, bool Created);

public sealed class UpsertItemByRefValidator : AbstractValidator<UpsertItemByRefCommand>
{
    private static readonly CreateItemValidator ItemValidator = new();

    public UpsertItemByRefValidator()
    {
        RuleFor(x => x.System).NotEmpty().MaximumLength(100);
        RuleFor(x => x.ExternalId).NotEmpty().MaximumLength(100);
        // The body is the item itself, so its errors are keyed by its own field names (code, not item.code).
        RuleFor(x => x.Item).Custom((item, context) =>
        {
            foreach (var failure in ItemValidator.Validate(item).Errors)
                context.AddFailure(failure);
        });
    }
}

public sealed class UpsertItemByRefHandler(IItemStore items, ItemAccess access, ItemRepository repository, ItemEditing editing,
    ISender sender)
    : ICommandHandler<UpsertItemByRefCommand, UpsertedItem>
{
    public async ValueTask<UpsertedItem> Handle(UpsertItemByRefCommand command, CancellationToken cancellationToken)
    {
        var reference = new ExternalRef(command.System.Trim(), command.ExternalId.Trim());
        if (await items.FindIdByRefAsync(reference, cancellationToken) is not { } id)
        {
            command.ExpectedVersion.Check("Item", reference, 0);
            return new UpsertedItem(await sender.Send(WithReference(command.Item, reference), cancellationToken), Created: true);
        }

        // An item the key may not see answers like one that does not exist, and never by its id.
        var item = await access.FindAsync(id, cancellationToken)
                   ?? throw new NotFoundException("Item", $"{reference.System}/{reference.Id}");
        // References match without regard to case, as the store finds them; the item keeps the spelling it has.
        var body = WithReference(command.Item, item.ExternalRefs.First(r => ItemFields.SameRef(r, reference)));
        command.ExpectedVersion.Check("Item", item.Id, item.Version);
        if (body.InspectionId != item.InspectionId)
            throw InvalidField.Because("inspectionId", "An item stays in the inspection it was created in.");
        await editing.ApplyAsync(item, body.ToContent(), (body.LeadUnitId, body.Units ?? []), body.DeadlineKinds!,
            body.DueDate, cancellationToken);
        return new UpsertedItem(await repository.SaveAsync(item, cancellationToken), Created: false);
    }

    /// <summary>The body with the reference named by the route among its externalRefs, once.</summary>
    private static CreateItemCommand WithReference(CreateItemCommand body, ExternalRef reference) => body with
    {
        ExternalRefs =
        [
            .. (body.ExternalRefs ?? []).Where(r => r is null || !ItemFields.SameRef(new ExternalRef(r.System.Trim(), r.Id.Trim()), reference)),
            new ExternalRefInput(reference.System, reference.Id),
        ],
    };
}
