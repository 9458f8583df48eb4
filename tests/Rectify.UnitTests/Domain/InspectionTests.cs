using Rectify.Domain.Inspections;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class InspectionTests
{
    private static Inspection NewInspection() =>
        Inspection.Restore(Guid.NewGuid(), InspectionKind.WarningFilm, InspectionLevel.Central, "2025 年长江经济带生态环境警示片",
            null, null, null, 2025, null, null, null, [], 1, Now, Now);

    [Test]
    public void SetSignOffSteps_WhenStepsHaveSpacesAndBlanks_KeepsTrimmedStepsInOrder()
    {
        var inspection = NewInspection();

        inspection.SetSignOffSteps([" 县责任单位初审 ", "", "   ", "市整改办审核"]);

        Assert.That(inspection.SignOffSteps, Is.EqualTo(new[] { "县责任单位初审", "市整改办审核" }));
    }

    [Test]
    public void SetSignOffSteps_WhenNoSteps_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();

        Assert.That(() => inspection.SetSignOffSteps([]), Violates("sign_off_steps"));
    }

    [Test]
    public void SetSignOffSteps_WhenEveryStepIsBlank_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();
        inspection.SetSignOffSteps(["区验收"]);

        Assert.That(() => inspection.SetSignOffSteps([" ", ""]), Violates("sign_off_steps"));
        Assert.That(inspection.SignOffSteps, Is.EqualTo(new[] { "区验收" }));
    }

    [Test]
    public void SetSignOffSteps_WhenMaxSteps_IsAccepted()
    {
        var inspection = NewInspection();
        var steps = Enumerable.Range(1, Inspection.MaxSignOffSteps).Select(i => $"step {i}").ToList();

        inspection.SetSignOffSteps(steps);

        Assert.That(inspection.SignOffSteps, Has.Count.EqualTo(Inspection.MaxSignOffSteps));
    }

    [Test]
    public void SetSignOffSteps_WhenMoreThanMaxSteps_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();
        var steps = Enumerable.Range(1, Inspection.MaxSignOffSteps + 1).Select(i => $"step {i}").ToList();

        Assert.That(() => inspection.SetSignOffSteps(steps), Violates("sign_off_steps"));
    }
}
