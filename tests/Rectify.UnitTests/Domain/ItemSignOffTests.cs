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

        Assert.That(() => item.SubmitForSignOff(), Violates("not_completed"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.None));
        Assert.That(item.SignOffRound, Is.Zero);
    }

    [Test]
    public void RequestSignOff_WhenCompletedWithoutEarlierRequest_StartsRoundOneAtFirstStep()
    {
        var item = CompletedItem();

        item.SubmitForSignOff();

        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(0));
        Assert.That(item.SignOffRound, Is.EqualTo(1));
    }

    [Test]
    public void RequestSignOff_WhenReturned_StartsNextRoundAtFirstStep()
    {
        var item = CompletedItem();
        item.SubmitForSignOff();
        item.Approve();
        item.Return();

        item.SubmitForSignOff();

        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(0));
        Assert.That(item.SignOffRound, Is.EqualTo(2));
    }

    [Test]
    public void RequestSignOff_WhenAlreadyRequested_ViolatesSignOffPending()
    {
        var item = SignOffRequested();

        Assert.That(() => item.SubmitForSignOff(), Violates("sign_off_pending"));
        Assert.That(item.SignOffRound, Is.EqualTo(1));
    }

    [Test]
    public void RequestSignOff_WhenSignedOff_ViolatesSignedOff()
    {
        var item = SignedOff();

        Assert.That(() => item.SubmitForSignOff(), Violates("signed_off"));
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
        Assert.That(item.Approve(first).StepIndex, Is.EqualTo(0));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(1));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[1]));
        Assert.That(item.SignedOffAt, Is.Null);

        Assert.That(item.Approve(second).StepIndex, Is.EqualTo(1));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.SignOffStepIndex, Is.EqualTo(2));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[2]));
        Assert.That(item.SignedOffAt, Is.Null);

        Assert.That(item.Approve(last).StepIndex, Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.SignOffStepIndex, Is.Null);
        Assert.That(item.SignOffStep, Is.Null);
        Assert.That(item.SignedOffAt, Is.EqualTo(last));
    }

    [Test]
    public void ApproveSignOffStep_WhenChainHasOneStep_SignsOffAtOnce()
    {
        var item = Drive(New(signOffSteps: ["市整改办审核"]), ProgressStatus.Completed);
        item.SubmitForSignOff();

        Assert.That(item.Approve().StepIndex, Is.EqualTo(0));
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

        Assert.That(() => item.Approve(Now.AddDays(9)), Violates("no_pending_sign_off"));
        Assert.That(item.SignOffStatus, Is.EqualTo(signOff));
        Assert.That(item.SignedOffAt, Is.EqualTo(signedOffAt));
    }

    [Test]
    public void ApproveSignOffStep_WhenItemNeverCompleted_ViolatesNoPendingSignOff()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.Approve(), Violates("no_pending_sign_off"));
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void ReturnSignOff_WhenNoRequestUnderReview_ViolatesNoPendingSignOff(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);

        Assert.That(() => item.Return(), Violates("no_pending_sign_off"));
        Assert.That(item.SignOffStatus, Is.EqualTo(signOff));
    }

    [Test]
    public void ReturnSignOff_WhenUnderReviewAtSecondStep_ReturnsThatStepAndMarksReturned()
    {
        var item = SignOffRequested();
        item.Approve();

        var step = item.Return().StepIndex;

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
        item.Return();
        item.SubmitForSignOff();

        Assert.That(item.Approve().StepIndex, Is.EqualTo(0));
        Assert.That(item.Approve().StepIndex, Is.EqualTo(1));
        Assert.That(item.Approve().StepIndex, Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
        Assert.That(item.SignOffRound, Is.EqualTo(2));
    }

    [Test]
    public void RequestSignOff_WhenCompleted_OpensAPendingRequestForTheRound()
    {
        var item = CompletedItem();
        var requestId = Guid.NewGuid();
        Evidence[] evidence = [new Evidence("验收报告.pdf", "https://files.example/acceptance.pdf", "ab12")];

        var request = item.RequestSignOff(requestId, "整改已完成", evidence, "县住建局", null, Now);

        Assert.That(request, Is.EqualTo(new SignOffRequest(requestId, item.Id, 1, "整改已完成", evidence,
            SignOffRequestStatus.Pending, "县住建局", null, Now, null)));
        Assert.That(item.OpenSignOffRequest, Is.EqualTo(request));
    }

    [Test]
    public void RequestSignOff_WhenRefused_OpensNoRequest()
    {
        var item = AtProgress(ProgressStatus.BasicallyCompleted);

        Assert.That(() => item.SubmitForSignOff(), Violates("not_completed"));
        Assert.That(item.OpenSignOffRequest, Is.Null);
    }

    [Test]
    public void ApproveSignOffStep_WhenUnderReview_ReturnsTheReviewBoundToTheRequestAndTheVersionSeen()
    {
        var item = CompletedItem();
        var request = item.SubmitForSignOff();
        var reviewId = Guid.NewGuid();
        var at = Now.AddDays(1);

        var review = item.ApproveSignOffStep(reviewId, item.SignOffStep!, "李四", "材料齐全", "环整办〔2026〕12号", "市整改办", at);

        Assert.That(review, Is.EqualTo(new SignOffReview(reviewId, request.Id, item.Id, 0, ThreeSteps[0],
            ReviewDecision.Approved, "李四", "材料齐全", "环整办〔2026〕12号", item.Version, "市整改办", at)));
        Assert.That(item.OpenSignOffRequest, Is.EqualTo(request));
    }

    [Test]
    public void ApproveSignOffStep_WhenLastStepApproved_ClosesTheRequest()
    {
        var item = SignOffRequested();
        item.Approve();
        item.Approve();

        item.Approve();

        Assert.That(item.OpenSignOffRequest, Is.Null);
    }

    [Test]
    public void ReturnSignOff_WhenUnderReview_ReturnsTheReviewWithTheReasonAndClosesTheRequest()
    {
        var item = CompletedItem();
        var request = item.SubmitForSignOff();
        item.Approve();

        var review = item.ReturnSignOff(Guid.NewGuid(), item.SignOffStep!, "王五", "缺少第三方检测报告", "市整改办", Now);

        Assert.That(review.RequestId, Is.EqualTo(request.Id));
        Assert.That(review.StepIndex, Is.EqualTo(1));
        Assert.That(review.StepName, Is.EqualTo(ThreeSteps[1]));
        Assert.That(review.Decision, Is.EqualTo(ReviewDecision.Returned));
        Assert.That(review.ReviewerName, Is.EqualTo("王五"));
        Assert.That(review.Comment, Is.EqualTo("缺少第三方检测报告"));
        Assert.That(review.DocumentNumber, Is.Null);
        Assert.That(item.OpenSignOffRequest, Is.Null);
    }

    [Test]
    public void ApproveSignOffStep_NamingAStepAlreadyApproved_ViolatesStepAlreadyDecidedAndApprovesNothing()
    {
        var item = SignOffRequested();
        var first = item.SignOffStep!;
        item.Approve();

        Assert.That(() => item.ApproveSignOffStep(Guid.NewGuid(), first, "张三", null, null, "市整改办", Now),
            Violates("step_already_decided"));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[1]));
    }

    [Test]
    public void ApproveSignOffStep_NamingALaterStep_ViolatesStepMismatch()
    {
        var item = SignOffRequested();

        Assert.That(() => item.ApproveSignOffStep(Guid.NewGuid(), ThreeSteps[2], "张三", null, null, "市整改办", Now),
            Violates("step_mismatch"));
        Assert.That(item.SignOffStep, Is.EqualTo(ThreeSteps[0]));
    }

    [Test]
    public void ApproveSignOffStep_RetryingTheLastStepAfterSignOff_ViolatesStepAlreadyDecided()
    {
        var item = SignedOff();

        Assert.That(() => item.ApproveSignOffStep(Guid.NewGuid(), ThreeSteps[2], "张三", null, null, "市整改办", Now),
            Violates("step_already_decided"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
    }

    [Test]
    public void ReturnSignOff_NamingAStepAlreadyApproved_ViolatesStepAlreadyDecidedAndTheRequestStaysOpen()
    {
        var item = SignOffRequested();
        item.Approve();

        Assert.That(() => item.ReturnSignOff(Guid.NewGuid(), ThreeSteps[0], "张三", "材料不全", "市整改办", Now),
            Violates("step_already_decided"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.OpenSignOffRequest, Is.Not.Null);
    }
}
