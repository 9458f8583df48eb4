using Rectify.Application.Common;
using Rectify.Application.Webhooks;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// How item commands load and save the aggregate. Saving goes through the one save path (row over the version read,
/// child rows, one audit event per domain event), then writes the webhook outbox rows for those events in the same
/// transaction, and answers the item as GET shows it at its new version: the same object is each payload's item.
/// </summary>
public sealed class ItemRepository(AggregateRepository<Item> aggregates, ItemAccess access, IWebhookOutbox outbox,
    OfficeCalendar calendar)
{
    /// <summary>The item with everything its rules need; 404 when absent or outside the caller's part of the tree.</summary>
    public Task<Item> GetAsync(Guid id, CancellationToken cancellationToken) => access.GetAsync(id, cancellationToken);

    public async Task<ItemResponse> SaveAsync(Item item, CancellationToken cancellationToken)
    {
        var saved = await aggregates.SaveAsync(item, cancellationToken);
        var response = ItemResponse.From(item, calendar);
        var webhooks = saved.Select(e => ItemWebhooks.From(e, response, item.UpdatedAt)).OfType<WebhookEvent>().ToList();
        if (webhooks.Count > 0)
            await outbox.EnqueueAsync(webhooks, cancellationToken);
        return response;
    }
}
