using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemUnitsAndDeadlineTests
{
    private static Item Create(IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> kinds, DateOnly? dueDate) =>
        Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content(), units, kinds, dueDate, Now);

    [Test]
    public void Create_WhenValid_StartsNotStartedWithNoSignOff()
    {
        var lead = Guid.NewGuid();

        var item = Create([new ItemUnit(lead, UnitRole.Lead)], [DeadlineKind.ByDate], Due);

        Assert.That(item.LeadUnitId, Is.EqualTo(lead));
        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.NotStarted));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.None));
        Assert.That(item.DueDate, Is.EqualTo(Due));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
        Assert.That(item.RecurrenceCount, Is.Zero);
    }

    [Test]
    public void Create_WhenByDateWithoutDueDate_ViolatesDueDateRequired()
    {
        Assert.That(() => Create([new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.ByDate, DeadlineKind.Ongoing], null),
            Violates("due_date_required"));
    }

    [Test]
    public void Edit_WhenByDateWithoutDueDate_ViolatesDueDateRequiredAndKeepsDeadline()
    {
        var item = New();

        Assert.That(() => item.EditDeadline([DeadlineKind.ByDate], null), Violates("due_date_required"));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void Edit_WhenNoDeadlineKinds_ViolatesDeadlineKinds()
    {
        var item = New();

        Assert.That(() => item.EditDeadline([], Due), Violates("deadline_kinds"));
        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate }));
    }

    [Test]
    public void Edit_WhenImmediateAndOngoingWithoutDueDate_IsAccepted()
    {
        var item = New();

        item.EditDeadline([DeadlineKind.Ongoing, DeadlineKind.Immediate, DeadlineKind.Ongoing], null);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.Null);
    }

    [Test]
    public void Edit_WhenDueDateChanges_KeepsTheFirstAsOriginal()
    {
        var item = New();
        var later = Due.AddMonths(2);

        item.EditDeadline([DeadlineKind.ByDate], later);

        Assert.That(item.DueDate, Is.EqualTo(later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void ReassignUnits_WhenLeadAndOtherRoles_AssignsThem()
    {
        var item = New();
        var lead = Guid.NewGuid();
        ItemUnit[] units =
        [
            new(lead, UnitRole.Lead), new(Guid.NewGuid(), UnitRole.Responsible), new(Guid.NewGuid(), UnitRole.Cooperating),
            new(Guid.NewGuid(), UnitRole.Supervising), new(Guid.NewGuid(), UnitRole.Acceptance),
        ];

        item.ReassignUnits(units);

        Assert.That(item.Units, Is.EqualTo(units));
        Assert.That(item.LeadUnitId, Is.EqualTo(lead));
    }

    [Test]
    public void ReassignUnits_WhenNoUnits_ViolatesOneLeadUnit()
    {
        var item = New();

        Assert.That(() => item.ReassignUnits([]), Violates("one_lead_unit"));
    }

    [Test]
    public void ReassignUnits_WhenNoLeadUnit_ViolatesOneLeadUnit()
    {
        var item = New();
        var before = item.Units;

        Assert.That(() => item.ReassignUnits([new ItemUnit(Guid.NewGuid(), UnitRole.Responsible)]), Violates("one_lead_unit"));
        Assert.That(item.Units, Is.EqualTo(before));
    }

    [Test]
    public void ReassignUnits_WhenTwoLeadUnits_ViolatesOneLeadUnit()
    {
        var item = New();

        Assert.That(() => item.ReassignUnits([new ItemUnit(Guid.NewGuid(), UnitRole.Lead), new ItemUnit(Guid.NewGuid(), UnitRole.Lead)]),
            Violates("one_lead_unit"));
    }

    [Test]
    public void Create_WhenNoLeadUnit_ViolatesOneLeadUnit()
    {
        Assert.That(() => Create([new ItemUnit(Guid.NewGuid(), UnitRole.Cooperating)], [DeadlineKind.ByDate], Due),
            Violates("one_lead_unit"));
    }

    [TestCase(UnitRole.Responsible)]
    [TestCase(UnitRole.Cooperating)]
    public void ReassignUnits_WhenSameUnitHoldsTwoRoles_ViolatesUnitAssignedTwice(UnitRole secondRole)
    {
        var item = New();
        var unit = Guid.NewGuid();

        Assert.That(() => item.ReassignUnits([new ItemUnit(unit, UnitRole.Lead), new ItemUnit(unit, secondRole)]),
            Violates("unit_assigned_twice"));
    }

    [Test]
    public void ReassignUnits_WhenSameUnitListedTwiceInOneRole_ViolatesUnitAssignedTwice()
    {
        var item = New();
        var unit = Guid.NewGuid();

        Assert.That(() => item.ReassignUnits(
                [new ItemUnit(Guid.NewGuid(), UnitRole.Lead), new ItemUnit(unit, UnitRole.Responsible), new ItemUnit(unit, UnitRole.Responsible)]),
            Violates("unit_assigned_twice"));
    }

    [Test]
    public void Create_WhenNoDeadlineKinds_ViolatesDeadlineKinds()
    {
        Assert.That(() => Create([new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [], Due), Violates("deadline_kinds"));
    }

    [Test]
    public void Create_WhenSameUnitHoldsTwoRoles_ViolatesUnitAssignedTwice()
    {
        var unit = Guid.NewGuid();

        Assert.That(() => Create([new ItemUnit(unit, UnitRole.Lead), new ItemUnit(unit, UnitRole.Acceptance)], [DeadlineKind.ByDate], Due),
            Violates("unit_assigned_twice"));
    }

    [Test]
    public void Create_WhenUnitsGivenInAnyOrder_KeepsThemInCanonicalOrder()
    {
        var lead = new ItemUnit(Guid.NewGuid(), UnitRole.Lead);
        var responsible = new ItemUnit(Guid.NewGuid(), UnitRole.Responsible);
        var supervising = new ItemUnit(Guid.NewGuid(), UnitRole.Supervising);

        var item = Create([supervising, lead, responsible], [DeadlineKind.ByDate], Due);

        Assert.That(item.Units, Is.EqualTo(new[] { lead, responsible, supervising }));
    }

    [Test]
    public void Edit_WhenTheDeadlineIsRefused_KeepsTheContentToo()
    {
        var item = New();
        var content = item.Content;

        Assert.That(() => item.Edit(Content(title: "新标题"), [DeadlineKind.ByDate], null), Violates("due_date_required"));
        Assert.That(item.Content, Is.EqualTo(content));
        Assert.That(item.Title, Is.EqualTo("title"));
    }

    [Test]
    public void Edit_WhenDeadlineKindsGivenInAnotherOrderWithDuplicates_ChangesNothing()
    {
        var item = New();
        item.EditDeadline([DeadlineKind.Ongoing, DeadlineKind.ByDate], Due);
        var events = item.Events.Count;

        item.EditDeadline([DeadlineKind.ByDate, DeadlineKind.Ongoing, DeadlineKind.ByDate], Due);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate, DeadlineKind.Ongoing }));
        Assert.That(item.Events, Has.Count.EqualTo(events));
    }

    [Test]
    public void ReassignUnits_WhenTheSameUnitsInAnotherOrder_ChangesNothing()
    {
        var lead = new ItemUnit(Guid.NewGuid(), UnitRole.Lead);
        var responsible = new ItemUnit(Guid.NewGuid(), UnitRole.Responsible);
        var item = Create([lead, responsible], [DeadlineKind.ByDate], Due);
        var events = item.Events.Count;

        item.ReassignUnits([responsible, lead]);

        Assert.That(item.Units, Is.EqualTo(new[] { lead, responsible }));
        Assert.That(item.Events, Has.Count.EqualTo(events));
    }
}
