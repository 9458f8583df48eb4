using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// Loads items as the caller may see them: a unit key sees only items where its unit, or a unit below it, is
/// assigned. Anything else is answered exactly like an item that does not exist.
/// </summary>
public sealed class ItemAccess(AccessPolicy policy, IItemStore items, IItemQueries queries)
{
    /// <summary>A LIKE pattern over unit paths, or null for an office key.</summary>
    public Task<string?> ScopePatternAsync(CancellationToken cancellationToken) => policy.ItemScopeAsync(cancellationToken);

    /// <summary>The aggregate, for a command.</summary>
    public async Task<Item> GetAsync(Guid itemId, CancellationToken cancellationToken) =>
        await FindAsync(itemId, cancellationToken) ?? throw new NotFoundException("Item", itemId);

    /// <summary>The aggregate, or null when it does not exist or the key may not see it (the two look the same).</summary>
    public async Task<Item?> FindAsync(Guid itemId, CancellationToken cancellationToken) =>
        await items.FindAsync(itemId, await ScopePatternAsync(cancellationToken), cancellationToken);

    /// <summary>The item as GET shows it, read without building the aggregate.</summary>
    public async Task<ItemResponse?> ReadAsync(Guid itemId, CancellationToken cancellationToken) =>
        await queries.FindAsync(itemId, await ScopePatternAsync(cancellationToken), cancellationToken);

    /// <summary>The check before reading a sub-resource: one cheap query, 404 when the key may not see the item.</summary>
    public async Task EnsureVisibleAsync(Guid itemId, CancellationToken cancellationToken)
    {
        if (!await queries.IsVisibleAsync(itemId, await ScopePatternAsync(cancellationToken), cancellationToken))
            throw new NotFoundException("Item", itemId);
    }
}
