using Rectify.Domain.Common;
using Rectify.Domain.Items;
using static Rectify.Domain.Items.ProgressStatus;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemProgressTests
{
    // Every (from, to) pair of the four progress statuses; null means the report is accepted.
    [TestCase(NotStarted, NotStarted, null)]
    [TestCase(NotStarted, InProgress, null)]
    [TestCase(NotStarted, BasicallyCompleted, null)]
    [TestCase(NotStarted, Completed, null)]
    [TestCase(InProgress, NotStarted, "progress_backwards")]
    [TestCase(InProgress, InProgress, null)]
    [TestCase(InProgress, BasicallyCompleted, null)]
    [TestCase(InProgress, Completed, null)]
    [TestCase(BasicallyCompleted, NotStarted, "progress_backwards")]
    [TestCase(BasicallyCompleted, InProgress, "progress_backwards")]
    [TestCase(BasicallyCompleted, BasicallyCompleted, null)]
    [TestCase(BasicallyCompleted, Completed, null)]
    [TestCase(Completed, NotStarted, "progress_backwards")]
    [TestCase(Completed, InProgress, "progress_backwards")]
    [TestCase(Completed, BasicallyCompleted, "progress_backwards")]
    [TestCase(Completed, Completed, null)]
    public void ReportProgress_WhenMovingBetweenStatusesWithAllMeasuresImplemented_AllowsForwardOrSameAndForbidsBackward(
        ProgressStatus from, ProgressStatus to, string? rule)
    {
        var item = AtProgress(from);

        if (rule is null)
        {
            item.ReportProgress(to, ScheduleStatus.OnSchedule, null, null, Now);
            Assert.That(item.ProgressStatus, Is.EqualTo(to));
        }
        else
        {
            Assert.That(() => item.ReportProgress(to, ScheduleStatus.OnSchedule, null, null, Now), Violates(rule));
            Assert.That(item.ProgressStatus, Is.EqualTo(from));
        }
    }

    [Test]
    public void ReportProgress_WhenCompletingWithAnUnimplementedMeasure_ViolatesMeasuresUnimplementedAndNamesTheMeasure()
    {
        var item = AtProgress(InProgress);
        var open = item.AddMeasure(Guid.NewGuid(), "建设雨污分流管网 3 公里", null, null, Now);

        var error = Assert.Throws<DomainRuleException>(
            () => item.ReportProgress(Completed, ScheduleStatus.OnSchedule, null, null, Now))!;

        Assert.That(error.Rule, Is.EqualTo("measures_unimplemented"));
        var listed = ((System.Collections.IEnumerable)error.Details["unimplementedMeasures"]!).Cast<object>()
            .Select(m => (Id: m.GetType().GetProperty("Id")!.GetValue(m), Description: m.GetType().GetProperty("Description")!.GetValue(m)))
            .ToList();
        Assert.That(listed, Is.EqualTo(new[] { ((object?)open.Id, (object?)open.Description) }));
        Assert.That(error.Message, Does.Contain(open.Description));
    }

    [Test]
    public void ReportProgress_WhenCompletingWithAnUnimplementedMeasure_LeavesItemUncompleted()
    {
        var item = AtProgress(BasicallyCompleted);
        item.AddMeasure(Guid.NewGuid(), "建设雨污分流管网", null, null, Now);

        Assert.That(() => item.ReportProgress(Completed, null, null, null, Now), Violates("measures_unimplemented"));
        Assert.That(item.ProgressStatus, Is.EqualTo(BasicallyCompleted));
        Assert.That(item.CompletedAt, Is.Null);
    }

    [Test]
    public void EnsureMeasuresImplemented_WhenEveryMeasureImplemented_DoesNotThrow()
    {
        var item = AtProgress(InProgress);

        Assert.That(item.EnsureMeasuresImplemented, Throws.Nothing);
    }

    [Test]
    public void EnsureMeasuresImplemented_WhenTwoMeasuresOpen_ListsBoth()
    {
        var item = AtProgress(InProgress);
        item.AddMeasure(Guid.NewGuid(), "a", null, null, Now);
        item.AddMeasure(Guid.NewGuid(), "b", null, null, Now);

        var error = Assert.Throws<DomainRuleException>(item.EnsureMeasuresImplemented)!;

        Assert.That(error.Rule, Is.EqualTo("measures_unimplemented"));
        Assert.That(((System.Collections.IEnumerable)error.Details["unimplementedMeasures"]!).Cast<object>().Count(), Is.EqualTo(2));
    }

    [Test]
    public void ReportProgress_WhenReachingCompleted_SetsCompletedAt()
    {
        var item = AtProgress(InProgress);
        var at = Now.AddDays(10);

        item.ReportProgress(Completed, ScheduleStatus.OnSchedule, null, null, at);

        Assert.That(item.CompletedAt, Is.EqualTo(at));
        Assert.That(item.IsCompleted, Is.True);
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenNotReachingCompleted_LeavesCompletedAtEmpty(ProgressStatus to)
    {
        var item = AtProgress(NotStarted);

        item.ReportProgress(to, ScheduleStatus.OnSchedule, null, null, Now);

        Assert.That(item.CompletedAt, Is.Null);
    }

    [Test]
    public void ReportProgress_WhenAlreadyCompleted_KeepsTheFirstCompletedAt()
    {
        var item = AtProgress(InProgress);
        item.ReportProgress(Completed, null, null, null, Now);

        item.ReportProgress(Completed, null, null, null, Now.AddDays(5));

        Assert.That(item.CompletedAt, Is.EqualTo(Now));
    }

    [Test]
    public void ReportProgress_WhenReportCarriesScheduleQuantityAndObstacles_AppliesThem()
    {
        var item = AtProgress(NotStarted);

        item.ReportProgress(InProgress, ScheduleStatus.Behind, 3.5m, "用地审批未完成", Now);

        Assert.That(item.ScheduleStatus, Is.EqualTo(ScheduleStatus.Behind));
        Assert.That(item.QuantityDone, Is.EqualTo(3.5m));
        Assert.That(item.Obstacles, Is.EqualTo("用地审批未完成"));
    }

    [Test]
    public void ReportProgress_WhenNextReportOmitsQuantity_KeepsLastQuantityAndTakesNewScheduleAndObstacles()
    {
        var item = AtProgress(NotStarted);
        item.ReportProgress(InProgress, ScheduleStatus.Behind, 3.5m, "用地审批未完成", Now);

        item.ReportProgress(BasicallyCompleted, ScheduleStatus.Ahead, null, null, Now);

        Assert.That(item.ScheduleStatus, Is.EqualTo(ScheduleStatus.Ahead));
        Assert.That(item.QuantityDone, Is.EqualTo(3.5m));
        Assert.That(item.Obstacles, Is.Null);
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenSignOffRequestedAndReportingLessThanCompleted_ViolatesSignOffPending(ProgressStatus to)
    {
        var item = SignOffRequested();

        Assert.That(() => item.ReportProgress(to, null, null, null, Now), Violates("sign_off_pending"));
        Assert.That(item.ProgressStatus, Is.EqualTo(Completed));
    }

    [Test]
    public void ReportProgress_WhenSignOffRequestedAndReportingCompleted_IsRefusedSoTheSubmissionStaysAsReviewed()
    {
        var item = SignOffRequested();
        var quantityBefore = item.QuantityDone;

        Assert.That(() => item.ReportProgress(Completed, ScheduleStatus.Ahead, 10m, null, Now.AddDays(1)), Violates("sign_off_pending"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.QuantityDone, Is.EqualTo(quantityBefore));
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenSignedOff_ViolatesSignedOff(ProgressStatus to)
    {
        var item = SignedOff();

        Assert.That(() => item.ReportProgress(to, null, null, null, Now), Violates("signed_off"));
        Assert.That(item.ProgressStatus, Is.EqualTo(Completed));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenSignOffReturnedAndReportingLessThanCompleted_ViolatesProgressBackwards(ProgressStatus to)
    {
        var item = Returned();

        Assert.That(() => item.ReportProgress(to, null, null, null, Now), Violates("progress_backwards"));
    }
}
