using Rectify.Domain.Common;

namespace Rectify.Domain.Units;

/// <summary>What can happen to a unit; each names its audit action and carries the values that matter.</summary>
public abstract record UnitEvent : DomainEvent;

public sealed record UnitCreated : UnitEvent
{
    public override string Action => "created";
}

/// <summary>The unit's own fields, its place in the tree or whether it is active were edited; which is in the recorded changes.</summary>
public sealed record UnitEdited : UnitEvent
{
    public override string Action => "updated";
}

/// <summary>
/// An ancestor moved, so this unit's place in the tree (its path, not its parent) moved with it: which ancestor,
/// and where that ancestor's parent was and is.
/// </summary>
public sealed record UnitMovedWithAncestor(Guid AncestorId, Guid? AncestorOldParentId, Guid? AncestorNewParentId) : UnitEvent
{
    public override string Action => "moved_with_ancestor";

    public override IEnumerable<FieldChange> Details =>
    [
        new("ancestorId", null, AncestorId),
        new("ancestorParentId", AncestorOldParentId, AncestorNewParentId),
    ];
}
