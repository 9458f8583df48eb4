using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemRecurrenceTests
{
    private static readonly DateOnly NewDue = new(2026, 12, 31);

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Requested)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void RecordRecurrence_WhenCompleted_ReopensWithNewDueDate(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);

        item.Recur(NewDue);

        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.InProgress));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.None));
        Assert.That(item.SignOffStepIndex, Is.Null);
        Assert.That(item.CompletedAt, Is.Null);
        Assert.That(item.SignedOffAt, Is.Null);
        Assert.That(item.RecurrenceCount, Is.EqualTo(1));
        Assert.That(item.DueDate, Is.EqualTo(NewDue));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void RecordRecurrence_WhenSignedOff_KeepsTheSignOffRoundSoTheNextRequestIsANewRound()
    {
        var item = SignedOff();

        item.Recur(NewDue);
        item.Report(ProgressStatus.Completed);
        item.SubmitForSignOff();

        Assert.That(item.SignOffRound, Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
    }

    [Test]
    public void RecordRecurrence_WhenFoundAgainAfterSecondCompletion_CountsTwoRecurrences()
    {
        var item = SignedOff();
        item.Recur(NewDue);
        item.Report(ProgressStatus.Completed);

        item.Recur(NewDue.AddMonths(3));

        Assert.That(item.RecurrenceCount, Is.EqualTo(2));
        Assert.That(item.DueDate, Is.EqualTo(NewDue.AddMonths(3)));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void RecordRecurrence_WhenItemIsOngoingOnly_AddsByDateKindAndDueDate()
    {
        var item = Drive(NewOngoing(), ProgressStatus.Completed);

        item.Recur(NewDue);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.EqualTo(NewDue));
        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.InProgress));
    }

    [TestCase(ProgressStatus.NotStarted)]
    [TestCase(ProgressStatus.InProgress)]
    [TestCase(ProgressStatus.BasicallyCompleted)]
    public void RecordRecurrence_WhenNotCompleted_ViolatesNotCompleted(ProgressStatus progress)
    {
        var item = AtProgress(progress);

        Assert.That(() => item.Recur(NewDue), Violates("not_completed"));
        Assert.That(item.ProgressStatus, Is.EqualTo(progress));
        Assert.That(item.RecurrenceCount, Is.Zero);
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void RecordRecurrence_WhenReopened_AcceptsNewMeasuresAndTakingMeasuresBack()
    {
        var item = SignedOff();
        var measure = item.Measures.Single();

        item.Recur(NewDue);
        item.SetMeasureImplemented(measure.Id, false, null, Today, Now);
        item.AddMeasure(Guid.NewGuid(), "建立长效巡查机制", null, NewDue, Now);

        Assert.That(measure.Implemented, Is.False);
        Assert.That(item.Measures, Has.Count.EqualTo(2));
        Assert.That(() => item.Report(ProgressStatus.Completed), Violates("measures_unimplemented"));
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Requested)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void RecordRecurrence_WhenCompleted_ReturnsTheRecurrenceWithTheSignOffItFound(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);
        var id = Guid.NewGuid();
        var at = Now.AddDays(40);

        var recurrence = item.RecordRecurrence(id, Today.AddDays(38), "市生态环境局", "夜间偷排", NewDue, "市整改办", at);

        Assert.That(recurrence, Is.EqualTo(new Recurrence(id, item.Id, Today.AddDays(38), "市生态环境局", "夜间偷排", NewDue,
            signOff, "市整改办", at)));
    }

    [Test]
    public void RecordRecurrence_WhenUnderReview_ClosesTheRequestSoANewRoundCanStart()
    {
        var item = SignOffRequested();

        item.Recur(NewDue);

        Assert.That(item.OpenSignOffRequest, Is.Null);
        Assert.That(() => item.Approve(), Violates("no_pending_sign_off"));
    }

    [Test]
    public void RecordRecurrence_WhenReopened_AcceptsExtensionRequestsAgain()
    {
        var item = SignedOff();
        item.Recur(NewDue);

        Assert.That(() => item.AskExtension(NewDue.AddMonths(1)), Throws.Nothing);
    }
}
