using Rectify.Domain.Units;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class OrgUnitTests
{
    private static OrgUnit NewUnit(OrgUnit? parent, string code = "u") =>
        OrgUnit.Create(Guid.NewGuid(), code, "单位", UnitKind.Department, parent, null, null, Now);

    /// <summary>Moves the unit under <paramref name="parent"/> as a PATCH of its parentId does, its descendants along.</summary>
    private static void Move(OrgUnit unit, OrgUnit? parent, params OrgUnit[] descendants) =>
        unit.Edit(unit.Details, unit.Active, new UnitMove(parent, descendants));

    private static void Deactivate(OrgUnit unit) => unit.Edit(unit.Details, active: false);

    /// <summary>A chain root → … of the given number of levels; returns every level, root first.</summary>
    private static List<OrgUnit> Chain(int levels)
    {
        var chain = new List<OrgUnit> { NewUnit(null, "level1") };
        for (var level = 2; level <= levels; level++)
            chain.Add(NewUnit(chain[^1], $"level{level}"));
        return chain;
    }

    [Test]
    public void Create_WhenNoParent_IsRootAtDepthOne()
    {
        var root = NewUnit(null);

        Assert.That(root.ParentId, Is.Null);
        Assert.That(root.Path, Is.EqualTo("/" + OrgUnit.PathSegment(root.Id)));
        Assert.That(root.Depth, Is.EqualTo(1));
    }

    [Test]
    public void Create_WhenUnderParent_ExtendsParentPath()
    {
        var root = NewUnit(null);

        var child = NewUnit(root);

        Assert.That(child.ParentId, Is.EqualTo(root.Id));
        Assert.That(child.Path, Is.EqualTo(root.Path + OrgUnit.PathSegment(child.Id)));
        Assert.That(child.Depth, Is.EqualTo(2));
    }

    [Test]
    public void IsAtOrBelow_WhenComparingRelatives_FollowsTheTree()
    {
        var root = NewUnit(null);
        var child = NewUnit(root);
        var grandchild = NewUnit(child);
        var sibling = NewUnit(root);

        Assert.That(grandchild.IsAtOrBelow(root), Is.True);
        Assert.That(grandchild.IsAtOrBelow(child), Is.True);
        Assert.That(child.IsAtOrBelow(child), Is.True);
        Assert.That(root.IsAtOrBelow(child), Is.False);
        Assert.That(sibling.IsAtOrBelow(child), Is.False);
        Assert.That(grandchild.IsAtOrBelow(sibling), Is.False);
    }

    [Test]
    public void Move_WhenParentIsItself_ViolatesUnitCycle()
    {
        var unit = NewUnit(NewUnit(null));
        var path = unit.Path;

        Assert.That(() => Move(unit, unit), Violates("unit_cycle"));
        Assert.That(unit.Path, Is.EqualTo(path));
    }

    [Test]
    public void Move_WhenParentIsAChild_ViolatesUnitCycle()
    {
        var root = NewUnit(null);
        var child = NewUnit(root);

        Assert.That(() => Move(root, child, child), Violates("unit_cycle"));
        Assert.That(root.ParentId, Is.Null);
    }

    [Test]
    public void Move_WhenParentIsADeeperDescendant_ViolatesUnitCycle()
    {
        var chain = Chain(4);

        Assert.That(() => Move(chain[1], chain[3], chain[2], chain[3]), Violates("unit_cycle"));
    }

    [Test]
    public void Move_WhenParentIsASibling_MovesAndRebuildsPath()
    {
        var root = NewUnit(null);
        var unit = NewUnit(root);
        var sibling = NewUnit(root);

        Move(unit, sibling);

        Assert.That(unit.ParentId, Is.EqualTo(sibling.Id));
        Assert.That(unit.Path, Is.EqualTo(sibling.Path + OrgUnit.PathSegment(unit.Id)));
        Assert.That(unit.Depth, Is.EqualTo(3));
    }

    [Test]
    public void Move_WhenNoParent_BecomesRoot()
    {
        var unit = NewUnit(NewUnit(null));

        Move(unit, null);

        Assert.That(unit.ParentId, Is.Null);
        Assert.That(unit.Depth, Is.EqualTo(1));
    }

    [Test]
    public void Move_WhenParentInactive_ViolatesUnitInactive()
    {
        var root = NewUnit(null);
        var inactive = NewUnit(root);
        Deactivate(inactive);
        var unit = NewUnit(root);

        Assert.That(() => Move(unit, inactive), Violates("unit_inactive"));
        Assert.That(unit.ParentId, Is.EqualTo(root.Id));
    }

    [Test]
    public void Create_WhenParentInactive_ViolatesUnitInactive()
    {
        var parent = NewUnit(null);
        Deactivate(parent);

        Assert.That(() => NewUnit(parent), Violates("unit_inactive"));
    }

    [Test]
    public void Create_WhenParentAtLevelBelowMax_IsAcceptedAtMaxDepth()
    {
        var chain = Chain(OrgUnit.MaxDepth);

        Assert.That(chain[^1].Depth, Is.EqualTo(OrgUnit.MaxDepth));
    }

    [Test]
    public void Create_WhenParentAtMaxDepth_ViolatesUnitTooDeep()
    {
        var chain = Chain(OrgUnit.MaxDepth);

        Assert.That(() => NewUnit(chain[^1]), Violates("unit_too_deep"));
    }

    [Test]
    public void Move_WhenParentAtMaxDepth_ViolatesUnitTooDeep()
    {
        var chain = Chain(OrgUnit.MaxDepth);
        var unit = NewUnit(null);

        Assert.That(() => Move(unit, chain[^1]), Violates("unit_too_deep"));
        Assert.That(unit.ParentId, Is.Null);
    }

    // The new parent's depth alone does not decide: a unit with descendants moved just above MaxDepth would put its
    // descendants below it, so the move checks every descendant's new depth before changing anything.
    [Test]
    public void Move_WhenMovedSubtreeWouldGrowBeyondMaxDepth_ViolatesUnitTooDeep()
    {
        var chain = Chain(OrgUnit.MaxDepth - 1);
        var unit = NewUnit(null);
        var child = NewUnit(unit);
        var (unitPath, childPath) = (unit.Path, child.Path);

        Assert.That(() => Move(unit, chain[^1], child), Violates("unit_too_deep"));
        Assert.That(unit.ParentId, Is.Null);
        Assert.That((unit.Path, child.Path), Is.EqualTo((unitPath, childPath)));
    }

    [Test]
    public void Move_WhenUnitHasDescendants_ReRootsThem()
    {
        var oldRoot = NewUnit(null);
        var newRoot = NewUnit(null);
        var unit = NewUnit(oldRoot);
        var child = NewUnit(unit);
        var grandchild = NewUnit(child);

        Move(unit, newRoot, child, grandchild);

        Assert.That(grandchild.Path, Does.StartWith(newRoot.Path + OrgUnit.PathSegment(unit.Id)));
        Assert.That(grandchild.Path, Does.EndWith(OrgUnit.PathSegment(grandchild.Id)));
        Assert.That(grandchild.IsAtOrBelow(newRoot), Is.True);
        Assert.That(grandchild.IsAtOrBelow(oldRoot), Is.False);
        Assert.That(grandchild.Depth, Is.EqualTo(4));
    }
}
