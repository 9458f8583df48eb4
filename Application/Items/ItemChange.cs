using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// The one way every item command ends: bump the version, write the item over the version read, and audit
/// what changed together with any detail of the action (a measure, a report, a review…).
/// </summary>
public sealed class ItemChange(IItemStore items, IAuditLog audit, OfficeCalendar calendar)
{
    public async Task<ItemResponse> SaveAsync(Item item, ItemResponse before, string action,
        IReadOnlyList<FieldChange> details, CancellationToken cancellationToken)
    {
        item.Touch(calendar.Now);
        var after = ItemResponse.From(item, calendar);
        var assignmentsChanged = before.LeadUnitId != after.LeadUnitId || !before.Units.SequenceEqual(after.Units) ||
                                 !before.ExternalRefs.SequenceEqual(after.ExternalRefs);
        await items.UpdateAsync(item, assignmentsChanged, cancellationToken);
        await audit.RecordAsync(AuditedItem.EntityType, item.Id, action, [.. AuditedItem.Changes(before, after), .. details],
            cancellationToken);
        return after;
    }
}
