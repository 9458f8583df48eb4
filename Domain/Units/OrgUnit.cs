using Rectify.Domain.Common;

namespace Rectify.Domain.Units;

/// <summary>
/// A unit work is assigned to (bureau, township, park…). Units form a tree; <see cref="Path"/> holds the ids
/// from the root down to this unit, so "is below" is a prefix test in code and in SQL.
/// </summary>
public sealed class OrgUnit
{
    public const int MaxDepth = 8;

    public Guid Id { get; init; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public bool Active { get; private set; } = true;
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static OrgUnit Create(Guid id, string code, string name, UnitKind kind, OrgUnit? parent,
        string? contactName, string? contactPhone, DateTimeOffset now)
    {
        var unit = new OrgUnit
        {
            Id = id, Code = code, Name = name, Kind = kind, ContactName = contactName, ContactPhone = contactPhone,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        unit.MoveUnder(parent);
        return unit;
    }

    /// <summary>Rebuilds a unit from storage; no rules are checked.</summary>
    public static OrgUnit Restore(Guid id, string code, string name, UnitKind kind, Guid? parentId, string path,
        string? contactName, string? contactPhone, bool active, int version, DateTimeOffset createdAt,
        DateTimeOffset updatedAt) =>
        new()
        {
            Id = id, Code = code, Name = name, Kind = kind, ParentId = parentId, Path = path,
            ContactName = contactName, ContactPhone = contactPhone, Active = active, Version = version,
            CreatedAt = createdAt, UpdatedAt = updatedAt,
        };

    public static string PathSegment(Guid id) => id.ToString("N") + "/";

    /// <summary>A SQL LIKE pattern matching the paths of this unit and of every unit below it.</summary>
    public string SubtreePattern => Path + "%";

    public bool IsAtOrBelow(OrgUnit other) => Path.StartsWith(other.Path, StringComparison.Ordinal);

    public void MoveUnder(OrgUnit? parent)
    {
        if (parent is not null)
        {
            if (parent.IsAtOrBelow(this) && Path.Length > 0)
                throw new DomainRuleException("unit_cycle",
                    $"Unit '{parent.Code}' is '{Code}' itself or below it, so it cannot become its parent.");
            if (!parent.Active)
                throw new DomainRuleException("unit_inactive", $"Unit '{parent.Code}' is inactive and cannot take new sub-units.");
            if (parent.Depth >= MaxDepth)
                throw new DomainRuleException("unit_too_deep", $"The unit tree is limited to {MaxDepth} levels.");
        }
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + PathSegment(Id);
    }

    /// <summary>Re-roots this unit's path after an ancestor moved.</summary>
    public void ReplacePathPrefix(string oldPrefix, string newPrefix)
    {
        var path = string.Concat(newPrefix, Path.AsSpan(oldPrefix.Length));
        if (path.Count(c => c == '/') - 1 > MaxDepth)
            throw new DomainRuleException("unit_too_deep",
                $"Moving would put unit '{Code}' below level {MaxDepth}; the unit tree is limited to {MaxDepth} levels.");
        Path = path;
    }

    public int Depth => Path.Count(c => c == '/') - 1;

    public void SetActive(bool active) => Active = active;

    /// <summary>Marks a change: the version (the ETag) moves on and the store writes only over the one it read.</summary>
    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
