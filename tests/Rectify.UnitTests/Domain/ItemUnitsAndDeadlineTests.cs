using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemUnitsAndDeadlineTests
{
    private static Item Create(IReadOnlyList<ItemUnit> units, IReadOnlyList<DeadlineKind> kinds, DateOnly? dueDate) =>
        Item.Create(Guid.NewGuid(), Guid.NewGuid(), "1", "title", ItemCategory.Water, units, kinds, dueDate, Now);

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
    public void SetDeadline_WhenByDateWithoutDueDate_ViolatesDueDateRequiredAndKeepsDeadline()
    {
        var item = New();

        Assert.That(() => item.SetDeadline([DeadlineKind.ByDate], null), Violates("due_date_required"));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void SetDeadline_WhenNoKinds_ViolatesDeadlineKinds()
    {
        var item = New();

        Assert.That(() => item.SetDeadline([], Due), Violates("deadline_kinds"));
        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate }));
    }

    [Test]
    public void SetDeadline_WhenImmediateAndOngoingWithoutDueDate_IsAccepted()
    {
        var item = New();

        item.SetDeadline([DeadlineKind.Ongoing, DeadlineKind.Immediate, DeadlineKind.Ongoing], null);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.Null);
    }

    [Test]
    public void SetDeadline_WhenDueDateChanges_KeepsTheFirstAsOriginal()
    {
        var item = New();
        var later = Due.AddMonths(2);

        item.SetDeadline([DeadlineKind.ByDate], later);

        Assert.That(item.DueDate, Is.EqualTo(later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void AssignUnits_WhenLeadAndOtherRoles_AssignsThem()
    {
        var item = New();
        var lead = Guid.NewGuid();
        ItemUnit[] units =
        [
            new(lead, UnitRole.Lead), new(Guid.NewGuid(), UnitRole.Responsible), new(Guid.NewGuid(), UnitRole.Cooperating),
            new(Guid.NewGuid(), UnitRole.Supervising), new(Guid.NewGuid(), UnitRole.Acceptance),
        ];

        item.AssignUnits(units);

        Assert.That(item.Units, Is.EqualTo(units));
        Assert.That(item.LeadUnitId, Is.EqualTo(lead));
    }

    [Test]
    public void AssignUnits_WhenNoUnits_ViolatesOneLeadUnit()
    {
        var item = New();

        Assert.That(() => item.AssignUnits([]), Violates("one_lead_unit"));
    }

    [Test]
    public void AssignUnits_WhenNoLeadUnit_ViolatesOneLeadUnit()
    {
        var item = New();
        var before = item.Units;

        Assert.That(() => item.AssignUnits([new ItemUnit(Guid.NewGuid(), UnitRole.Responsible)]), Violates("one_lead_unit"));
        Assert.That(item.Units, Is.EqualTo(before));
    }

    [Test]
    public void AssignUnits_WhenTwoLeadUnits_ViolatesOneLeadUnit()
    {
        var item = New();

        Assert.That(() => item.AssignUnits([new ItemUnit(Guid.NewGuid(), UnitRole.Lead), new ItemUnit(Guid.NewGuid(), UnitRole.Lead)]),
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
    public void AssignUnits_WhenSameUnitHoldsTwoRoles_ViolatesUnitAssignedTwice(UnitRole secondRole)
    {
        var item = New();
        var unit = Guid.NewGuid();

        Assert.That(() => item.AssignUnits([new ItemUnit(unit, UnitRole.Lead), new ItemUnit(unit, secondRole)]),
            Violates("unit_assigned_twice"));
    }

    [Test]
    public void AssignUnits_WhenSameUnitListedTwiceInOneRole_ViolatesUnitAssignedTwice()
    {
        var item = New();
        var unit = Guid.NewGuid();

        Assert.That(() => item.AssignUnits(
                [new ItemUnit(Guid.NewGuid(), UnitRole.Lead), new ItemUnit(unit, UnitRole.Responsible), new ItemUnit(unit, UnitRole.Responsible)]),
            Violates("unit_assigned_twice"));
    }
}
