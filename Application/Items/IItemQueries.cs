using Rectify.Application.Common.Paging;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// The read side of items: rows selected by SQL and mapped straight to responses, no aggregate built. A
/// <c>scopePattern</c> (a LIKE pattern over unit paths, null for an office key) limits every read to the items a
/// unit key may see; anything else reads as absent.
/// </summary>
public interface IItemQueries
{
    /// <summary>The item as GET shows it today; null when absent or outside the scope.</summary>
    Task<ItemResponse?> FindAsync(Guid id, string? scopePattern, CancellationToken cancellationToken);

    /// <summary>The items with these ids as GET shows them today (office view), in creation order.</summary>
    Task<IReadOnlyList<ItemResponse>> ListByIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Whether the item exists and lies inside the scope: the check before reading a sub-resource.</summary>
    Task<bool> IsVisibleAsync(Guid id, string? scopePattern, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeasureResponse>> ListMeasuresAsync(Guid itemId, CancellationToken cancellationToken);

    /// <summary>The item's sign-off position; null when absent or outside the scope.</summary>
    Task<SignOffState?> FindSignOffStateAsync(Guid id, string? scopePattern, CancellationToken cancellationToken);

    Task<Page<ItemResponse>> ListAsync(ItemListCriteria criteria, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Every item the criteria select, in the list's order, with what a ledger row shows; read in batches, so the
    /// whole ledger is never held at once.
    /// </summary>
    IAsyncEnumerable<Ledger.LedgerItem> ExportAsync(ItemListCriteria criteria, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> items whose latest change committed after the position of <paramref name="after"/>
    /// (the start when null), in commit order; the next token is the last one's position, or the token given when none.
    /// </summary>
    Task<ItemChangesResponse> ListChangesAsync(string? scopePattern, string? after, int limit, CancellationToken cancellationToken);
}

public enum ItemSort
{
    Created,
    DueDate,
    UpdatedAt,
    Code,
}

/// <summary>Where an item stands in its sign-off chain, as the sign-off resource shows it.</summary>
public sealed record SignOffState(Guid ItemId, SignOffStatus Status, string? PendingStep, IReadOnlyList<string> Steps,
    DateTimeOffset? SignedOffAt, int Version)
{
    public static SignOffState Of(Item item) =>
        new(item.Id, item.SignOffStatus, item.SignOffStep, item.SignOffSteps, item.SignedOffAt, item.Version);
}

/// <summary>The list filters with every date already resolved against the office calendar.</summary>
public sealed record ItemListCriteria(
    Guid? InspectionId,
    Domain.Inspections.InspectionKind? InspectionKind,
    Guid? UnitId,
    string? UnitPattern,
    ProgressStatus? ProgressStatus,
    SignOffStatus? SignOffStatus,
    ItemCategory? Category,
    bool? Overdue,
    WarningLevel? WarningLevel,
    DateOnly? DueFrom,
    DateOnly? DueTo,
    bool? IsKey,
    string? Q,
    DateTimeOffset? UpdatedSince,
    ItemSort Sort,
    string? ScopePattern,
    DateOnly Today,
    DateOnly YellowDate,
    DateOnly BlueDate);
