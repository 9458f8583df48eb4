using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Webhooks;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// How item commands load and save the aggregate. The one save call, inside the command's transaction, writes the
/// row over the version read (412 otherwise) with its new and changed child rows, one audit event per domain event,
/// and the webhook outbox rows for those events; it answers the item as GET shows it at its new version.
/// </summary>
public sealed class ItemRepository(IItemStore store, ItemAccess access, IAuditLog audit, IWebhookOutbox outbox,
    OfficeCalendar calendar)
{
    public const string EntityType = "item";

    /// <summary>The item with everything its rules need; 404 when absent or outside the caller's part of the tree.</summary>
    public Task<Item> GetAsync(Guid id, CancellationToken cancellationToken) => access.GetAsync(id, cancellationToken);

    public async Task<ItemResponse> SaveAsync(Item item, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        if (!item.StampChanges(now))
            return ItemResponse.From(item, calendar);
        await store.WriteAsync(item, cancellationToken);
        await audit.RecordAsync(EntityType, item.Id, item.Events, cancellationToken);
        var response = ItemResponse.From(item, calendar);
        var webhooks = item.Events.Select(e => ItemWebhooks.From(e, response, now)).OfType<WebhookEvent>().ToList();
        if (webhooks.Count > 0)
            await outbox.EnqueueAsync(webhooks, cancellationToken);
        item.MarkSaved();
        return response;
    }
}
