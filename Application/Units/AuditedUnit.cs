using Rectify.Domain.Common;
using Rectify.Application.Auditing;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

internal static class AuditedUnit
{
    public const string EntityType = "unit";

    /// <summary>The audited fields that differ between two states of a unit (all of them when it is new).</summary>
    public static IReadOnlyList<FieldChange> Snapshot(UnitResponse? before, OrgUnit after)
    {
        var now = UnitResponse.From(after);
        return new Changes()
            .Field("code", before?.Code, now.Code)
            .Field("name", before?.Name, now.Name)
            .Field("kind", before?.Kind, now.Kind)
            .Field("parentId", before?.ParentId, now.ParentId)
            .Field("contactName", before?.ContactName, now.ContactName)
            .Field("contactPhone", before?.ContactPhone, now.ContactPhone)
            .Field("active", before?.Active, now.Active)
            .ToList();
    }
}
