using Rectify.Application.Common;
using Rectify.Domain.Units;

namespace Rectify.Application.Units;

public sealed record UnitResponse(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    Guid? ParentId,
    string? ContactName,
    string? ContactPhone,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IVersioned
{
    public static UnitResponse From(OrgUnit unit) => new(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId,
        unit.ContactName, unit.ContactPhone, unit.Active, unit.CreatedAt, unit.UpdatedAt, unit.Version);
}
