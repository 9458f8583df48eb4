using Rectify.Application.Common;
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

    /// <summary>The ids of an inspection's items by code (codes are unique within it, without regard to case).</summary>
    Task<IReadOnlyDictionary<string, Guid>> CodesOfInspectionAsync(Guid inspectionId, CancellationToken cancellationToken);

    /// <summary>The id of the item carrying this reference of another system, whoever may see it.</summary>
    Task<Guid?> FindIdByRefAsync(ExternalRef reference, CancellationToken cancellationToken);

    /// <summary>The item holding one of these external references, other than <paramref name="exceptId"/>.</summary>
    Task<ExternalRef?> FindTakenExternalRefAsync(IReadOnlyList<ExternalRef> refs, Guid? exceptId, CancellationToken cancellationToken);
}
