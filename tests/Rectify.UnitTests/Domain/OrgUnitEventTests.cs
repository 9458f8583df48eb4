using Rectify.Domain.Common;
using Rectify.Domain.Units;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

/// <summary>
/// What each unit method records: the event, its audit action and the changes the audit trail shows, old → new.
/// Units are built, then saved, so only what the method under test recorded is left.
/// </summary>
public sealed class OrgUnitEventTests
{
    private static readonly DateTimeOffset At = Now.AddDays(1);

    private static OrgUnit Saved(OrgUnit unit)
    {
        unit.StampChanges(Now);
        unit.MarkSaved();
        return unit;
    }

    private static OrgUnit NewUnit(OrgUnit? parent = null, string? contactName = null) =>
        OrgUnit.Create(Guid.NewGuid(), "U" + Guid.NewGuid().ToString("N")[..6], "城关镇", UnitKind.Township, parent,
            contactName, null, Now);

    private static RecordedEvent OnlyEvent<TEvent>(OrgUnit unit) where TEvent : UnitEvent
    {
        Assert.That(unit.Events.Select(e => e.Event.GetType()), Is.EqualTo(new[] { typeof(TEvent) }));
        return unit.Events[0];
    }

    private static void Move(OrgUnit unit, OrgUnit? parent, params OrgUnit[] descendants) =>
        unit.Edit(unit.Details, unit.Active, new UnitMove(parent, descendants));

    [Test]
    public void Create_RecordsUnitCreatedWithEveryFieldThatHasAValue()
    {
        var parent = Saved(NewUnit());

        var unit = OrgUnit.Create(Guid.NewGuid(), "HBJ", "区生态环境局", UnitKind.Department, parent, "张三", null, Now);

        var created = OnlyEvent<UnitCreated>(unit);
        Assert.That(created.Event.Action, Is.EqualTo("created"));
        Assert.That(created.Changes, Is.EqualTo(new[]
        {
            new FieldChange("code", null, "HBJ"),
            new FieldChange("name", null, "区生态环境局"),
            new FieldChange("kind", null, UnitKind.Department),
            new FieldChange("parentId", null, parent.Id),
            new FieldChange("contactName", null, "张三"),
            new FieldChange("active", null, true),
        }));
        Assert.That(unit.IsNew, Is.True);
        Assert.That((unit.Version, unit.CreatedAt, unit.UpdatedAt), Is.EqualTo((1, Now, Now)));
    }

    [Test]
    public void Restore_RecordsNothing()
    {
        var unit = OrgUnit.Restore(Guid.NewGuid(), "HBJ", "区生态环境局", UnitKind.Department, null, "/x/", null, null, true, 4,
            Now, At);

        Assert.That(unit.Events, Is.Empty);
        Assert.That(unit.IsNew, Is.False);
        Assert.That((unit.Version, unit.UpdatedAt), Is.EqualTo((4, At)));
    }

    [Test]
    public void Edit_WhenFieldsChange_RecordsUnitEditedWithOnlyThoseFields()
    {
        var unit = Saved(NewUnit(contactName: "张三"));

        unit.Edit(unit.Details with { Name = "城关街道", ContactName = null, ContactPhone = "110" }, unit.Active);

        var edited = OnlyEvent<UnitEdited>(unit);
        Assert.That(edited.Event.Action, Is.EqualTo("updated"));
        Assert.That(edited.Changes, Is.EqualTo(new[]
        {
            new FieldChange("name", "城关镇", "城关街道"),
            new FieldChange("contactName", "张三", null),
            new FieldChange("contactPhone", null, "110"),
        }));
    }

    [Test]
    public void Edit_WhenDeactivated_RecordsActiveGoingFalse()
    {
        var unit = Saved(NewUnit());

        unit.Edit(unit.Details, active: false);

        Assert.That(OnlyEvent<UnitEdited>(unit).Changes, Is.EqualTo(new[] { new FieldChange("active", true, false) }));
        Assert.That(unit.Active, Is.False);
    }

    [Test]
    public void Edit_WhenNothingDiffers_RecordsNothingAndStampChangesKeepsTheVersion()
    {
        var unit = Saved(NewUnit());
        var parent = Saved(NewUnit());
        var child = Saved(NewUnit(unit));
        Move(child, parent);
        Saved(child);

        unit.Edit(unit.Details with { }, unit.Active);
        Move(child, parent);

        Assert.That(unit.Events, Is.Empty);
        Assert.That(child.Events, Is.Empty);
        Assert.That(unit.StampChanges(At), Is.False);
        Assert.That((unit.Version, unit.UpdatedAt), Is.EqualTo((1, Now)));
    }

    [Test]
    public void Edit_WhenMoved_RecordsTheNewParentAndEachDescendantMovedWithIt()
    {
        var oldParent = Saved(NewUnit());
        var newParent = Saved(NewUnit());
        var unit = Saved(NewUnit(oldParent));
        var child = Saved(NewUnit(unit));
        var grandchild = Saved(NewUnit(child));

        unit.Edit(unit.Details with { Name = "城关街道" }, unit.Active, new UnitMove(newParent, [child, grandchild]));

        Assert.That(OnlyEvent<UnitEdited>(unit).Changes, Is.EqualTo(new[]
        {
            new FieldChange("name", "城关镇", "城关街道"),
            new FieldChange("parentId", oldParent.Id, newParent.Id),
        }));
        foreach (var descendant in new[] { child, grandchild })
        {
            var moved = OnlyEvent<UnitMovedWithAncestor>(descendant);
            Assert.That(moved.Event.Action, Is.EqualTo("moved_with_ancestor"));
            Assert.That(moved.Event, Is.EqualTo(new UnitMovedWithAncestor(unit.Id, oldParent.Id, newParent.Id)));
            Assert.That(moved.Changes, Is.EqualTo(new[]
            {
                new FieldChange("ancestorId", null, unit.Id),
                new FieldChange("ancestorParentId", oldParent.Id, newParent.Id),
            }));
            Assert.That(descendant.IsAtOrBelow(newParent), Is.True);
        }
        Assert.That(child.ParentId, Is.EqualTo(unit.Id));
        Assert.That(grandchild.ParentId, Is.EqualTo(child.Id));
    }

    [Test]
    public void Edit_WhenMovedToARoot_RecordsTheParentGoingNull()
    {
        var oldParent = Saved(NewUnit());
        var unit = Saved(NewUnit(oldParent));
        var child = Saved(NewUnit(unit));

        Move(unit, null, child);

        Assert.That(OnlyEvent<UnitEdited>(unit).Changes, Is.EqualTo(new[] { new FieldChange("parentId", oldParent.Id, null) }));
        Assert.That(OnlyEvent<UnitMovedWithAncestor>(child).Changes[1], Is.EqualTo(new FieldChange("ancestorParentId", oldParent.Id, null)));
    }

    [Test]
    public void Edit_WhenTheMoveBreaksARule_RecordsNothingAnywhere()
    {
        var unit = Saved(NewUnit());
        var child = Saved(NewUnit(unit));

        Assert.That(() => unit.Edit(unit.Details with { Name = "别的名字" }, unit.Active, new UnitMove(child, [child])),
            Violates("unit_cycle"));

        Assert.That(unit.Events, Is.Empty);
        Assert.That(child.Events, Is.Empty);
        Assert.That(unit.Name, Is.EqualTo("城关镇"));
    }

    [Test]
    public void Edit_WhenADescendantIsNotBelowTheUnit_Throws()
    {
        var unit = Saved(NewUnit());
        var stranger = Saved(NewUnit());

        Assert.That(() => Move(unit, Saved(NewUnit()), stranger), Throws.ArgumentException);
        Assert.That(stranger.Events, Is.Empty);
    }

    [Test]
    public void StampChanges_AfterSeveralEdits_MovesTheVersionOnceAndStampsTheTime()
    {
        var unit = Saved(NewUnit());

        unit.Edit(unit.Details with { Name = "城关街道" }, unit.Active);
        unit.Edit(unit.Details, active: false);

        Assert.That(unit.Events, Has.Count.EqualTo(2));
        Assert.That(unit.StampChanges(At), Is.True);
        Assert.That((unit.Version, unit.UpdatedAt), Is.EqualTo((2, At)));
        unit.MarkSaved();
        Assert.That(unit.Events, Is.Empty);
        Assert.That(unit.StampChanges(At.AddDays(1)), Is.False);
        Assert.That(unit.Version, Is.EqualTo(2));
    }

    [Test]
    public void StampChanges_WhenNew_KeepsVersionOne()
    {
        var unit = NewUnit();

        Assert.That(unit.StampChanges(At), Is.True);
        Assert.That((unit.Version, unit.UpdatedAt), Is.EqualTo((1, At)));
    }
}
