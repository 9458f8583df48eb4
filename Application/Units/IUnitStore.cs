using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

public interface IUnitStore : IAggregateStore<OrgUnit>
{
    Task<OrgUnit?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Reads a unit a command is about to change, locking it against other writers until commit.</summary>
    Task<OrgUnit?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);
    Task<IReadOnlyList<OrgUnit>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
    Task<bool> CodeExistsAsync(string code, Guid? exceptId, CancellationToken cancellationToken);
    Task<Page<OrgUnit>> ListAsync(UnitFilter filter, int limit, string? cursor, CancellationToken cancellationToken);
    Task<IReadOnlyList<OrgUnit>> ListDescendantsAsync(OrgUnit unit, CancellationToken cancellationToken);
}

public sealed record UnitFilter(Guid? ParentId, bool? Active, string? Q, UnitVisibility? Visible);

/// <summary>What a unit key sees of the tree: its subtree (a LIKE pattern over paths) and the units above it.</summary>
public sealed record UnitVisibility(string SubtreePattern, IReadOnlyList<Guid> AncestorIds);
