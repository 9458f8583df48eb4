using Rectify.Application.Access;
using Rectify.Application.Units;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// Applies new content, units and deadline to a stored item, with the checks that go with them: the key may edit the
/// item (and move its due date, when it does), newly named units exist, are active and lie in a unit key's own subtree,
/// codes and external references stay unique. Shared by PATCH and by the upsert by another system's key.
/// </summary>
public sealed class ItemEditing(IItemStore items, IUnitStore units, AccessPolicy policy)
{
    /// <param name="assignment">The lead unit and the others; null leaves the units as they are.</param>
    public async Task ApplyAsync(Item item, ItemContent content, (Guid Lead, IReadOnlyList<ItemUnitInput> Others)? assignment,
        IReadOnlyList<DeadlineKind> deadlineKinds, DateOnly? dueDate, CancellationToken cancellationToken)
    {
        await policy.EnsureAsync(ItemAction.EditItem, item, cancellationToken);
        if (dueDate != item.DueDate)
            await policy.EnsureAsync(ItemAction.MoveDueDate, item, cancellationToken);
        IReadOnlyList<ItemUnit>? assigned = null;
        // Units already on the item stay acceptable as they are (even one deactivated since); only a new
        // assignment is checked unit by unit.
        if (assignment is var (lead, others) &&
            !Item.InCanonicalOrder([new(lead, UnitRole.Lead), .. others.Select(u => new ItemUnit(u.UnitId, u.Role!.Value))])
                .SequenceEqual(item.Units))
        {
            if (lead != item.LeadUnitId)
                await policy.EnsureAsync(ItemAction.ChangeLead, item, cancellationToken);
            assigned = await ItemFields.ResolveUnitsAsync(units, lead, others, cancellationToken);
            await policy.EnsureOwnUnitsAsync("units", assigned.Except(item.Units).Select(u => u.UnitId), cancellationToken);
        }
        if (content.Code != item.Code || !content.ExternalRefs.SequenceEqual(item.ExternalRefs))
            await ItemFields.EnsureUniqueAsync(items, item.InspectionId, content, item.Id, cancellationToken);

        item.Edit(content, deadlineKinds, dueDate);
        if (assigned is not null)
            item.ReassignUnits(assigned);
    }
}
