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
    public void Reopen_WhenCompleted_ReopensWithNewDueDate(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);

        item.Reopen(NewDue);

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
    public void Reopen_WhenSignedOff_KeepsTheSignOffRoundSoTheNextRequestIsANewRound()
    {
        var item = SignedOff();

        item.Reopen(NewDue);
        item.ReportProgress(ProgressStatus.Completed, null, null, null, Now);
        item.RequestSignOff();

        Assert.That(item.SignOffRound, Is.EqualTo(2));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
    }

    [Test]
    public void Reopen_WhenFoundAgainAfterSecondCompletion_CountsTwoRecurrences()
    {
        var item = SignedOff();
        item.Reopen(NewDue);
        item.ReportProgress(ProgressStatus.Completed, null, null, null, Now);

        item.Reopen(NewDue.AddMonths(3));

        Assert.That(item.RecurrenceCount, Is.EqualTo(2));
        Assert.That(item.DueDate, Is.EqualTo(NewDue.AddMonths(3)));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void Reopen_WhenItemIsOngoingOnly_AddsByDateKindAndDueDate()
    {
        var item = Drive(NewOngoing(), ProgressStatus.Completed);

        item.Reopen(NewDue);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.EqualTo(NewDue));
        Assert.That(item.ProgressStatus, Is.EqualTo(ProgressStatus.InProgress));
    }

    [TestCase(ProgressStatus.NotStarted)]
    [TestCase(ProgressStatus.InProgress)]
    [TestCase(ProgressStatus.BasicallyCompleted)]
    public void Reopen_WhenNotCompleted_ViolatesNotCompleted(ProgressStatus progress)
    {
        var item = AtProgress(progress);

        Assert.That(() => item.Reopen(NewDue), Violates("not_completed"));
        Assert.That(item.ProgressStatus, Is.EqualTo(progress));
        Assert.That(item.RecurrenceCount, Is.Zero);
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void Reopen_WhenReopened_AcceptsNewMeasuresAndTakingMeasuresBack()
    {
        var item = SignedOff();
        var measure = item.Measures.Single();

        item.Reopen(NewDue);
        item.SetMeasureImplemented(measure, false, null, Today, Now);
        item.AddMeasure(Guid.NewGuid(), "建立长效巡查机制", null, NewDue, Now);

        Assert.That(measure.Implemented, Is.False);
        Assert.That(item.Measures, Has.Count.EqualTo(2));
        Assert.That(() => item.ReportProgress(ProgressStatus.Completed, null, null, null, Now), Violates("measures_unimplemented"));
    }
}
