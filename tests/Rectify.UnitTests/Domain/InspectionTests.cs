using Rectify.Domain.Common;
using Rectify.Domain.Inspections;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class InspectionTests
{
    private static readonly DateTimeOffset At = Now.AddDays(1);

    private static readonly InspectionDetails Film = new(InspectionKind.WarningFilm, InspectionLevel.Central,
        "2025 年长江经济带生态环境警示片", null, null, null, 2025, null, null, null);

    private static Inspection NewInspection() =>
        Inspection.Restore(Guid.NewGuid(), InspectionKind.WarningFilm, InspectionLevel.Central, "2025 年长江经济带生态环境警示片",
            null, null, null, 2025, null, null, null, [], 1, Now, Now);

    private static void SetSignOffSteps(Inspection inspection, IReadOnlyList<string> steps) =>
        inspection.Edit(inspection.Details, steps);

    private static RecordedEvent OnlyEvent<TEvent>(Inspection inspection) where TEvent : InspectionEvent
    {
        Assert.That(inspection.Events.Select(e => e.Event.GetType()), Is.EqualTo(new[] { typeof(TEvent) }));
        return inspection.Events[0];
    }

    private static Inspection Saved(Inspection inspection)
    {
        inspection.StampChanges(Now);
        inspection.MarkSaved();
        return inspection;
    }

    [Test]
    public void SetSignOffSteps_WhenStepsHaveSpacesAndBlanks_KeepsTrimmedStepsInOrder()
    {
        var inspection = NewInspection();

        SetSignOffSteps(inspection, [" 县责任单位初审 ", "", "   ", "市整改办审核"]);

        Assert.That(inspection.SignOffSteps, Is.EqualTo(new[] { "县责任单位初审", "市整改办审核" }));
    }

    [Test]
    public void SetSignOffSteps_WhenNoSteps_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();

        Assert.That(() => SetSignOffSteps(inspection, []), Violates("sign_off_steps"));
    }

    [Test]
    public void SetSignOffSteps_WhenEveryStepIsBlank_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();
        SetSignOffSteps(inspection, ["区验收"]);

        Assert.That(() => SetSignOffSteps(inspection, [" ", ""]), Violates("sign_off_steps"));
        Assert.That(inspection.SignOffSteps, Is.EqualTo(new[] { "区验收" }));
    }

    [Test]
    public void SetSignOffSteps_WhenMaxSteps_IsAccepted()
    {
        var inspection = NewInspection();
        var steps = Enumerable.Range(1, Inspection.MaxSignOffSteps).Select(i => $"step {i}").ToList();

        SetSignOffSteps(inspection, steps);

        Assert.That(inspection.SignOffSteps, Has.Count.EqualTo(Inspection.MaxSignOffSteps));
    }

    [Test]
    public void SetSignOffSteps_WhenMoreThanMaxSteps_ViolatesSignOffSteps()
    {
        var inspection = NewInspection();
        var steps = Enumerable.Range(1, Inspection.MaxSignOffSteps + 1).Select(i => $"step {i}").ToList();

        Assert.That(() => SetSignOffSteps(inspection, steps), Violates("sign_off_steps"));
    }

    [Test]
    public void Create_WhenStepsAreBlank_ViolatesSignOffSteps()
    {
        Assert.That(() => Inspection.Create(Guid.NewGuid(), Film, [" "], Now), Violates("sign_off_steps"));
    }

    [Test]
    public void Create_RecordsInspectionCreatedWithEveryFieldThatHasAValue()
    {
        var inspection = Inspection.Create(Guid.NewGuid(), Film with { Round = 2, PlanDueDate = new DateOnly(2026, 6, 30) },
            [" 县审核 ", "市销号"], Now);

        var created = OnlyEvent<InspectionCreated>(inspection);
        Assert.That(created.Event.Action, Is.EqualTo("created"));
        Assert.That(created.Changes, Is.EqualTo(new[]
        {
            new FieldChange("kind", null, InspectionKind.WarningFilm),
            new FieldChange("level", null, InspectionLevel.Central),
            new FieldChange("title", null, "2025 年长江经济带生态环境警示片"),
            new FieldChange("round", null, 2),
            new FieldChange("year", null, 2025),
            new FieldChange("planDueDate", null, new DateOnly(2026, 6, 30)),
            new FieldChange("signOffSteps", null, "县审核 → 市销号"),
        }));
        Assert.That(inspection.IsNew, Is.True);
        Assert.That((inspection.Version, inspection.CreatedAt, inspection.UpdatedAt), Is.EqualTo((1, Now, Now)));
    }

    [Test]
    public void Edit_WhenFieldsAndChainChange_RecordsInspectionEditedWithOnlyThoseFields()
    {
        var inspection = Saved(Inspection.Create(Guid.NewGuid(), Film with { TeamName = "第一组" }, ["县审核", "市销号"], Now));

        inspection.Edit(inspection.Details with { Title = "警示片（修订）", TeamName = null, Year = 2026 }, ["县审核", "市审核", "市销号"]);

        var edited = OnlyEvent<InspectionEdited>(inspection);
        Assert.That(edited.Event.Action, Is.EqualTo("updated"));
        Assert.That(edited.Changes, Is.EqualTo(new[]
        {
            new FieldChange("title", "2025 年长江经济带生态环境警示片", "警示片（修订）"),
            new FieldChange("teamName", "第一组", null),
            new FieldChange("year", 2025, 2026),
            new FieldChange("signOffSteps", "县审核 → 市销号", "县审核 → 市审核 → 市销号"),
        }));
    }

    [Test]
    public void Edit_WhenNothingDiffersOnceStepsAreTrimmed_RecordsNothingAndStampChangesKeepsTheVersion()
    {
        var inspection = NewInspection();
        SetSignOffSteps(inspection, ["县审核", "市销号"]);
        Saved(inspection);

        inspection.Edit(inspection.Details with { }, [" 县审核", "", "市销号 "]);

        Assert.That(inspection.Events, Is.Empty);
        Assert.That(inspection.StampChanges(At), Is.False);
        Assert.That((inspection.Version, inspection.UpdatedAt), Is.EqualTo((2, Now)));
    }

    [Test]
    public void StampChanges_AfterSeveralEdits_MovesTheVersionOnce()
    {
        var inspection = NewInspection();

        inspection.Edit(inspection.Details with { Batch = 3 }, ["区验收"]);
        inspection.Edit(inspection.Details with { Level = InspectionLevel.County }, ["区验收"]);

        Assert.That(inspection.Events, Has.Count.EqualTo(2));
        Assert.That(inspection.Events[1].Changes, Is.EqualTo(new[] { new FieldChange("level", InspectionLevel.Central, InspectionLevel.County) }));
        Assert.That(inspection.StampChanges(At), Is.True);
        Assert.That((inspection.Version, inspection.UpdatedAt), Is.EqualTo((2, At)));
    }
}
