using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemSignOffTests
{
    [TestCase(ProgressStatus.NotStarted)]
    [TestCase(ProgressStatus.InProgress)]
    [TestCase(ProgressStatus.BasicallyCompleted)]
    public void RequestSignOff_WhenItemNotCompleted_ViolatesNotCompleted(ProgressStatus progress)
    {
        var item = AtProgress(progress);

        Assert.That(item.RequestSignOff, Violates("not_completed"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.None));
        Assert.That(item.SignOffRound, Is.Zero);
    }

    [Test]
    public void RequestSignOff_WhenCompletedWithoutEarlierRequest_StartsRoundOneAtFirstStep()
    {
        var item = CompletedItem();

        item.RequestSignOff();

        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(0));
        Assert.That(item.SignOffRound, Is.EqualTo(1));
    }

    [Test]
    public void RequestSignOff_WhenReturned_StartsNextRoundAtFirstStep()
    {
        var item = CompletedItem();
        item.RequestSignOff();
        item.ApproveSignOffStep(Now);
        item.ReturnSignOff();

        item.RequestSignOff();

        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(0));
        Assert.That(item.SignOffRound, Is.EqualTo(2));
    }

    [Test]
    public void RequestSignOff_WhenAlreadyRequested_ViolatesSignOffPending()
    {
        var item = SignOffRequested();

        Assert.That(item.RequestSignOff, Violates("sign_off_pending"));
        Assert.That(item.SignOffRound, Is.EqualTo(1));
    }

    [Test]
    public void RequestSignOff_WhenSignedOff_ViolatesSignedOff()
    {
        var item = SignedOff();

        Assert.That(item.RequestSignOff, Violates("signed_off"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.SignOffRound, Is.EqualTo(1));
    }

    [Test]
    public void ApproveSignOffStep_WhenWalkingAThreeStepChain_MovesStepByStepThenSignsOff()
    {
        var item = SignOffRequested();
        var first = Now.AddDays(1);
        var second = Now.AddDays(2);
        var last = Now.AddDays(3);

        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[0]));
        Assert.That(item.ApproveSignOffStep(first), Is.EqualTo(0));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(1));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[1]));
        Assert.That(item.SignedOffAt, Is.Null);

        Assert.That(item.ApproveSignOffStep(second), Is.EqualTo(1));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(2));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[2]));
        Assert.That(item.SignedOffAt, Is.Null);

        Assert.That(item.ApproveSignOffStep(last), Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.SignOffStepIndex, Is.Null);
        Assert.That(item.SignOffStep, Is.Null);
        Assert.That(item.SignedOffAt, Is.EqualTo(last));
    }

    [Test]
    public void ApproveSignOffStep_WhenChainHasOneStep_SignsOffAtOnce()
    {
        var item = CompletedItem();
        item.SignOffSteps = ["市整改办审核"];
        item.RequestSignOff();

        Assert.That(item.ApproveSignOffStep(Now), Is.EqualTo(0));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.Completed));
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void ApproveSignOffStep_WhenNoRequestUnderReview_ViolatesNoPendingSignOff(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);
        var signedOffAt = item.SignedOffAt;

        Assert.That(() => item.ApproveSignOffStep(Now.AddDays(9)), Violates("no_pending_sign_off"));
        Assert.That(item.SignOffStatus, Is.EqualTo(signOff));
        Assert.That(item.SignedOffAt, Is.EqualTo(signedOffAt));
    }

    [Test]
    public void ApproveSignOffStep_WhenItemNeverCompleted_ViolatesNoPendingSignOff()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.ApproveSignOffStep(Now), Violates("no_pending_sign_off"));
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void ReturnSignOff_WhenNoRequestUnderReview_ViolatesNoPendingSignOff(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);

        Assert.That(item.ReturnSignOff, Violates("no_pending_sign_off"));
        Assert.That(item.SignOffStatus, Is.EqualTo(signOff));
    }

    [Test]
    public void ReturnSignOff_WhenUnderReviewAtSecondStep_ReturnsThatStepAndMarksReturned()
    {
        var item = SignOffRequested();
        item.ApproveSignOffStep(Now);

        var step = item.ReturnSignOff();

        Assert.That(step, Is.EqualTo(1));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Returned));
        Assert.That(item.SignOffStepIndex, Is.Null);
        Assert.That(item.SignedOffAt, Is.Null);
        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.Completed));
    }

    [Test]
    public void ReturnSignOff_WhenRequestedAgainAfterReturn_WalksTheChainFromTheFirstStep()
    {
        var item = SignOffRequested();
        item.ReturnSignOff();
        item.RequestSignOff();

        Assert.That(item.ApproveSignOffStep(Now), Is.EqualTo(0));
        Assert.That(item.ApproveSignOffStep(Now), Is.EqualTo(1));
        Assert.That(item.ApproveSignOffStep(Now), Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.SignOffRound, Is.EqualTo(2));
    }
}
