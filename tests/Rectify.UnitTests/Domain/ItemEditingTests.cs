using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

/// <summary>What was submitted for sign-off is what gets signed: the item's content is frozen under review and after.</summary>
public sealed class ItemEditingTests
{
    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Returned)]
    public void EnsureEditable_WhenNotUnderReviewOrSignedOff_Allows(SignOffStatus signOff) =>
        Assert.That(() => CompletedWithSignOff(signOff).EnsureEditable(), Throws.Nothing);

    [Test]
    public void EnsureEditable_WhenUnderReview_ViolatesSignOffPending() =>
        Assert.That(() => SignOffRequested().EnsureEditable(), Violates("sign_off_pending"));

    [Test]
    public void EnsureEditable_WhenSignedOff_ViolatesSignedOff() =>
        Assert.That(() => SignedOff().EnsureEditable(), Violates("signed_off"));

    [Test]
    public void ReportProgress_WhenSignedOff_RefusesEvenCompleted()
    {
        var item = SignedOff();

        Assert.That(() => item.ReportProgress(ProgressStatus.Completed, ScheduleStatus.OnSchedule, null, null, Now),
            Violates("signed_off"));
    }

    [Test]
    public void ApplyExtension_WhenTheDueDateMovedPastTheRequestedOne_ViolatesExtensionNotLater()
    {
        var item = New();
        var extension = new Extension { Id = Guid.NewGuid(), ItemId = item.Id, RequestedDueDate = Due.AddDays(30), Reason = "用地审批" };
        item.SetDeadline(item.DeadlineKinds, Due.AddDays(60));

        Assert.That(() => item.ApplyExtension(extension), Violates("extension_not_later"));
        Assert.That(item.DueDate, Is.EqualTo(Due.AddDays(60)));
    }

    [Test]
    public void ApplyExtension_WhenTheItemWasCompletedMeanwhile_ViolatesItemCompleted()
    {
        var item = CompletedItem();
        var extension = new Extension { Id = Guid.NewGuid(), ItemId = item.Id, RequestedDueDate = Due.AddDays(30), Reason = "资金" };

        Assert.That(() => item.ApplyExtension(extension), Violates("item_completed"));
    }
}
