using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// Loads items as the caller may see them: a unit key sees only items where its unit, or a unit below it, is
/// assigned. Anything else is answered exactly like an item that does not exist.
/// </summary>
public sealed class ItemAccess(AccessPolicy policy, IItemStore items)
{
    /// <summary>A LIKE pattern over unit paths, or null for an office key.</summary>
    public Task<string?> ScopePatternAsync(CancellationToken cancellationToken) => policy.ItemScopeAsync(cancellationToken);

    public async Task<Item> GetAsync(Guid itemId, CancellationToken cancellationToken) =>
        await FindAsync(itemId, cancellationToken) ?? throw new NotFoundException("Item", itemId);

    /// <summary>The item, or null when it does not exist or the key may not see it (the two look the same).</summary>
    public async Task<Item?> FindAsync(Guid itemId, CancellationToken cancellationToken) =>
        await items.FindAsync(itemId, await ScopePatternAsync(cancellationToken), cancellationToken);
}
