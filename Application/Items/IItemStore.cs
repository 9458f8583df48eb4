using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IItemStore : IAggregateStore<Item>
{
    /// <summary>
    /// The whole aggregate: units, references, measures, sign-off chain and open request, extensions and the latest
    /// report date; null when absent or outside the scope.
    /// </summary>
    Task<Item?> FindAsync(Guid id, string? scopePattern, CancellationToken cancellationToken);

    Task<bool> CodeExistsAsync(Guid inspectionId, string code, Guid? exceptId, CancellationToken cancellationToken);

    /// <summary>The id of the item carrying this reference of another system, whoever may see it.</summary>
    Task<Guid?> FindIdByRefAsync(ExternalRef reference, CancellationToken cancellationToken);

    /// <summary>The item holding one of these external references, other than <paramref name="exceptId"/>.</summary>
    Task<ExternalRef?> FindTakenExternalRefAsync(IReadOnlyList<ExternalRef> refs, Guid? exceptId, CancellationToken cancellationToken);

    Task<Page<ItemListRow>> ListAsync(ItemListCriteria criteria, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> items whose latest change committed after the position of <paramref name="after"/>
    /// (the start when null), in commit order; the next token is the last one's position, or the token given when none.
    /// </summary>
    Task<ItemChangePage> ListChangesAsync(string? scopePattern, string? after, int limit, CancellationToken cancellationToken);

}

public enum ItemSort
{
    Created,
    DueDate,
    UpdatedAt,
    Code,
}

/// <summary>An item of a list page: the item without its measures, and their counts.</summary>
public sealed record ItemListRow(Item Item, MeasureCounts Measures);

/// <summary>A page of the change feed; <see cref="NextToken"/> is always set.</summary>
public sealed record ItemChangePage(IReadOnlyList<ItemListRow> Items, string NextToken);

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
