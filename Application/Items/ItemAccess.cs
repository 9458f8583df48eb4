using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// Object-level authorization for items: a unit-bound key sees and touches only items where its unit, or a unit
/// below it, is assigned. Anything else is answered exactly like an item that does not exist.
/// </summary>
public sealed class ItemAccess(ICurrentClient client, IUnitStore units, IItemStore items)
{
    private string? _scopePattern;
    private bool _resolved;

    /// <summary>A LIKE pattern over unit paths, or null for a key that is not bound to a unit.</summary>
    public async Task<string?> ScopePatternAsync(CancellationToken cancellationToken)
    {
        if (_resolved)
            return _scopePattern;
        if (client.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, cancellationToken)
                       ?? throw new InvalidOperationException($"The client's unit {unitId} does not exist.");
            _scopePattern = unit.SubtreePattern;
        }
        _resolved = true;
        return _scopePattern;
    }

    public async Task<Item> GetAsync(Guid itemId, CancellationToken cancellationToken) =>
        await FindAsync(itemId, cancellationToken) ?? throw new NotFoundException("Item", itemId);

    /// <summary>The item, or null when it does not exist or the key may not see it (the two look the same).</summary>
    public async Task<Item?> FindAsync(Guid itemId, CancellationToken cancellationToken) =>
        await items.FindAsync(itemId, await ScopePatternAsync(cancellationToken), cancellationToken);

    /// <summary>Who works on an item is decided by its lead: a unit-bound key reassigns only items its part of the tree leads.</summary>
    public async Task EnsureLeadsAsync(Item item, CancellationToken cancellationToken)
    {
        if (client.UnitId is not { } own)
            return;
        var ownUnit = await units.FindAsync(own, cancellationToken);
        var lead = await units.FindAsync(item.LeadUnitId, cancellationToken);
        if (ownUnit is null || lead is null || !lead.IsAtOrBelow(ownUnit))
            throw new ForbiddenException("Only the lead unit (or a key not bound to a unit) can change who works on this item.");
    }

    /// <summary>A unit-bound key may assign work only within its own part of the tree.</summary>
    public async Task EnsureWithinScopeAsync(Guid leadUnitId, CancellationToken cancellationToken)
    {
        if (client.UnitId is not { } own)
            return;
        var ownUnit = await units.FindAsync(own, cancellationToken);
        var lead = await units.FindAsync(leadUnitId, cancellationToken);
        if (ownUnit is null || lead is null || !lead.IsAtOrBelow(ownUnit))
            throw InvalidField.Because("leadUnitId", "A key bound to a unit can lead items only with its own unit or one below it.");
    }
}
