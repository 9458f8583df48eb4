using Rectify.Domain.Common;

namespace Rectify.Domain.Units;

/// <summary>A unit's own descriptive fields: what an edit writes in one go.</summary>
public sealed record UnitDetails(string Code, string Name, UnitKind Kind, string? ContactName, string? ContactPhone);

/// <summary>
/// What an edit needs to move a unit: its new parent (null: it becomes a root) and every unit below it, read for
/// the move, whose paths move along.
/// </summary>
public sealed record UnitMove(OrgUnit? NewParent, IReadOnlyList<OrgUnit> Descendants);

/// <summary>
/// A unit work is assigned to (bureau, township, park…). Units form a tree; <see cref="Path"/> holds the ids
/// from the root down to this unit, so "is below" is a prefix test in code and in SQL.
/// </summary>
public sealed class OrgUnit : AggregateRoot
{
    public const int MaxDepth = 8;

    private OrgUnit(Guid id, UnitDetails details, DateTimeOffset createdAt)
    {
        Id = id;
        Details = details;
        CreatedAt = createdAt;
    }

    public UnitDetails Details { get; private set; }
    public string Code => Details.Code;
    public string Name => Details.Name;
    public UnitKind Kind => Details.Kind;
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public string? ContactName => Details.ContactName;
    public string? ContactPhone => Details.ContactPhone;
    public bool Active { get; private set; } = true;

    /// <summary>A new active unit under <paramref name="parent"/> (a root without one).</summary>
    public static OrgUnit Create(Guid id, string code, string name, UnitKind kind, OrgUnit? parent,
        string? contactName, string? contactPhone, DateTimeOffset now)
    {
        var unit = new OrgUnit(id, new UnitDetails(code, name, kind, contactName, contactPhone), now);
        unit.CheckParent(parent);
        unit.ParentId = parent?.Id;
        unit.Path = PathUnder(parent, id);
        unit.Created(now);
        unit.Record(new UnitCreated());
        return unit;
    }

    /// <summary>Rebuilds a unit from storage; no rules are checked and nothing is recorded.</summary>
    public static OrgUnit Restore(Guid id, string code, string name, UnitKind kind, Guid? parentId, string path,
        string? contactName, string? contactPhone, bool active, int version, DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        var unit = new OrgUnit(id, new UnitDetails(code, name, kind, contactName, contactPhone), createdAt)
        {
            ParentId = parentId, Path = path, Active = active,
        };
        unit.Restored(version, updatedAt);
        return unit;
    }

    protected override IEnumerable<KeyValuePair<string, object?>> AuditedFields() =>
    [
        new("code", Code),
        new("name", Name),
        new("kind", Kind),
        new("parentId", ParentId),
        new("contactName", ContactName),
        new("contactPhone", ContactPhone),
        new("active", Active),
    ];

    public static string PathSegment(Guid id) => id.ToString("N") + "/";

    /// <summary>A SQL LIKE pattern matching the paths of this unit and of every unit below it.</summary>
    public string SubtreePattern => Path + "%";

    /// <summary>The units above this one, from the root down.</summary>
    public IReadOnlyList<Guid> AncestorIds =>
        Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Guid.ParseExact(segment, "N")).Where(id => id != Id).ToList();

    public bool IsAtOrBelow(OrgUnit other) => Path.StartsWith(other.Path, StringComparison.Ordinal);

    public int Depth => DepthOf(Path);

    /// <summary>
    /// Edits the unit's own fields, whether it is active and, given a <paramref name="move"/> to another parent,
    /// where it sits in the tree. Nothing happens when nothing differs. A move is checked whole before anything
    /// changes (no cycle, an active parent, no unit of the moved subtree below <see cref="MaxDepth"/>); each
    /// descendant whose path moves along records that it moved with its ancestor.
    /// </summary>
    public void Edit(UnitDetails details, bool active, UnitMove? move = null)
    {
        var moving = move is not null && move.NewParent?.Id != ParentId ? move : null;
        if (details == Details && active == Active && moving is null)
            return;
        var (oldParentId, path) = (ParentId, Path);
        List<(OrgUnit Unit, string Path)> reRooted = [];
        if (moving is not null)
        {
            CheckParent(moving.NewParent);
            path = PathUnder(moving.NewParent, Id);
            reRooted = ReRooted(moving.Descendants, path);
        }

        Details = details;
        Active = active;
        if (moving is not null)
            (ParentId, Path) = (moving.NewParent?.Id, path);
        Record(new UnitEdited());
        foreach (var (descendant, descendantPath) in reRooted)
            descendant.MoveWithAncestor(descendantPath, this, oldParentId);
    }

    /// <summary>An ancestor moved: this unit keeps its parent, and its path takes the ancestor's new one.</summary>
    private void MoveWithAncestor(string path, OrgUnit ancestor, Guid? ancestorOldParentId)
    {
        Path = path;
        Record(new UnitMovedWithAncestor(ancestor.Id, ancestorOldParentId, ancestor.ParentId));
    }

    private void CheckParent(OrgUnit? parent)
    {
        if (parent is null)
            return;
        if (Path.Length > 0 && parent.IsAtOrBelow(this))
            throw new DomainRuleException("unit_cycle",
                $"Unit '{parent.Code}' is '{Code}' itself or below it, so it cannot become its parent.");
        if (!parent.Active)
            throw new DomainRuleException("unit_inactive", $"Unit '{parent.Code}' is inactive and cannot take new sub-units.");
        if (parent.Depth >= MaxDepth)
            throw new DomainRuleException("unit_too_deep", $"The unit tree is limited to {MaxDepth} levels.");
    }

    /// <summary>The descendants with the paths they get when this unit moves to <paramref name="newPath"/>.</summary>
    private List<(OrgUnit Unit, string Path)> ReRooted(IReadOnlyList<OrgUnit> descendants, string newPath)
    {
        var reRooted = new List<(OrgUnit, string)>(descendants.Count);
        foreach (var descendant in descendants)
        {
            if (descendant.Id == Id || !descendant.IsAtOrBelow(this))
                throw new ArgumentException($"Unit {descendant.Id} is not below unit {Id}.", nameof(descendants));
            var path = string.Concat(newPath, descendant.Path.AsSpan(Path.Length));
            if (DepthOf(path) > MaxDepth)
                throw new DomainRuleException("unit_too_deep",
                    $"Moving would put unit '{descendant.Code}' below level {MaxDepth}; the unit tree is limited to {MaxDepth} levels.");
            reRooted.Add((descendant, path));
        }
        return reRooted;
    }

    private static string PathUnder(OrgUnit? parent, Guid id) => (parent?.Path ?? "/") + PathSegment(id);

    private static int DepthOf(string path) => path.Count(c => c == '/') - 1;
}
