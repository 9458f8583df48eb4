using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

/// <summary>What was submitted for sign-off is what gets signed: the item's content is frozen under review and after.</summary>
public sealed class ItemEditingTests
{
    /// <summary>Every public way of changing what was submitted, each a real change on a completed item.</summary>
    public enum Change
    {
        Content,
        Deadline,
        Units,
        MeasureText,
        MeasureImplementedOn,
    }

    private static void Apply(Item item, Change change)
    {
        var measure = item.Measures.Single();
        switch (change)
        {
            case Change.Content:
                item.Edit(Content(title: "改后的标题"), item.DeadlineKinds, item.DueDate);
                break;
            case Change.Deadline:
                item.EditDeadline(item.DeadlineKinds, Due.AddDays(30));
                break;
            case Change.Units:
                item.ReassignUnits([.. item.Units, new ItemUnit(Guid.NewGuid(), UnitRole.Cooperating)]);
                break;
            case Change.MeasureText:
                item.EditMeasure(measure.Id, "截污纳管并建设调蓄池", measure.UnitId, measure.DueDate, Now);
                break;
            case Change.MeasureImplementedOn:
                item.SetMeasureImplemented(measure.Id, true, Today.AddDays(-3), Today, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change));
        }
    }

    [Test]
    public void Edit_WhenNotUnderReviewOrSignedOff_Allows(
        [Values(SignOffStatus.None, SignOffStatus.Returned)] SignOffStatus signOff, [Values] Change change)
    {
        var item = CompletedWithSignOff(signOff);
        var events = item.Events.Count;

        Assert.That(() => Apply(item, change), Throws.Nothing);
        Assert.That(item.Events, Has.Count.EqualTo(events + 1));
    }

    [Test]
    public void Edit_WhenUnderReview_ViolatesSignOffPending([Values] Change change)
    {
        var item = SignOffRequested();
        var events = item.Events.Count;

        Assert.That(() => Apply(item, change), Violates("sign_off_pending"));
        Assert.That(item.Events, Has.Count.EqualTo(events));
        AssertUnchanged(item);
    }

    [Test]
    public void Edit_WhenSignedOff_ViolatesSignedOff([Values] Change change)
    {
        var item = SignedOff();
        var events = item.Events.Count;

        Assert.That(() => Apply(item, change), Violates("signed_off"));
        Assert.That(item.Events, Has.Count.EqualTo(events));
        AssertUnchanged(item);
    }

    [TestCase(SignOffStatus.Requested)]
    [TestCase(SignOffStatus.SignedOff)]
    public void Edit_WhenFrozenAndNothingDiffers_DoesNothing(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);
        var measure = item.Measures.Single();
        var events = item.Events.Count;

        Assert.That(() =>
        {
            item.Edit(item.Content with { ExternalRefs = [.. item.ExternalRefs] }, item.DeadlineKinds, item.DueDate);
            item.ReassignUnits(item.Units.Reverse().ToList());
            item.EditMeasure(measure.Id, measure.Description, measure.UnitId, measure.DueDate, Now);
            item.SetMeasureImplemented(measure.Id, true, measure.ImplementedOn, Today, Now);
        }, Throws.Nothing);
        Assert.That(item.Events, Has.Count.EqualTo(events));
    }

    [Test]
    public void ReportProgress_WhenSignedOff_RefusesEvenCompleted()
    {
        var item = SignedOff();

        Assert.That(() => item.Report(ProgressStatus.Completed, ScheduleStatus.OnSchedule), Violates("signed_off"));
    }

    [Test]
    public void DecideExtension_WhenTheDueDateMovedPastTheRequestedOne_ViolatesExtensionNotLater()
    {
        var item = New();
        var extension = item.AskExtension(Due.AddDays(30));
        item.EditDeadline(item.DeadlineKinds, Due.AddDays(60));

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, Now),
            Violates("extension_not_later"));
        Assert.That(item.DueDate, Is.EqualTo(Due.AddDays(60)));
    }

    [Test]
    public void DecideExtension_WhenTheItemWasCompletedMeanwhile_ViolatesItemCompleted()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Due.AddDays(30));
        item.Report(ProgressStatus.Completed);

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, Now),
            Violates("item_completed"));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    private static void AssertUnchanged(Item item)
    {
        var measure = item.Measures.Single();
        Assert.That(item.Title, Is.EqualTo("title"));
        Assert.That(item.DueDate, Is.EqualTo(Due));
        Assert.That(item.Units, Has.Count.EqualTo(1));
        Assert.That(measure.Description, Is.EqualTo("截污纳管"));
        Assert.That(measure.ImplementedOn, Is.EqualTo(Today));
    }
}
