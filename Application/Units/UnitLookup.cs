using Rectify.Application.Common.Errors;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

internal static class UnitLookup
{
    public static async Task<OrgUnit> GetAsync(this IUnitStore store, Guid id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Unit", id);

    public static async Task<OrgUnit> GetForUpdateAsync(this IUnitStore store, Guid id, CancellationToken cancellationToken) =>
        await store.FindForUpdateAsync(id, cancellationToken) ?? throw new NotFoundException("Unit", id);

    /// <summary>
    /// The parent named in a request body, locked so it cannot move while a child is placed under it. Unknown is a
    /// 400 on that field, not a 404 of the route.
    /// </summary>
    public static async Task<OrgUnit?> GetParentAsync(this IUnitStore store, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
            return null;
        return await store.FindForUpdateAsync(id, cancellationToken)
               ?? throw InvalidField.Because("parentId", $"Unit '{id}' does not exist.");
    }
}
