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
            item.Report(to, ScheduleStatus.OnSchedule);
            Assert.That(item.ProgressStatus, Is.EqualTo(to));
        }
        else
        {
            Assert.That(() => item.Report(to, ScheduleStatus.OnSchedule), Violates(rule));
            Assert.That(item.ProgressStatus, Is.EqualTo(from));
        }
    }

    [Test]
    public void ReportProgress_WhenCompletingWithAnUnimplementedMeasure_ViolatesMeasuresUnimplementedAndNamesTheMeasure()
    {
        var item = AtProgress(InProgress);
        var open = item.AddMeasure(Guid.NewGuid(), "建设雨污分流管网 3 公里", null, null, Now);

        var error = Assert.Throws<DomainRuleException>(
            () => item.Report(Completed, ScheduleStatus.OnSchedule))!;

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

        Assert.That(() => item.Report(Completed), Violates("measures_unimplemented"));
        Assert.That(item.ProgressStatus, Is.EqualTo(BasicallyCompleted));
        Assert.That(item.CompletedAt, Is.Null);
    }

    [Test]
    public void ReportProgress_WhenCompletingWithEveryMeasureImplemented_DoesNotThrow()
    {
        var item = AtProgress(InProgress);

        Assert.That(() => item.Report(Completed), Throws.Nothing);
        Assert.That(item.IsCompleted, Is.True);
    }

    [Test]
    public void ReportProgress_WhenCompletingWithTwoMeasuresOpen_ListsBoth()
    {
        var item = AtProgress(InProgress);
        item.AddMeasure(Guid.NewGuid(), "a", null, null, Now);
        item.AddMeasure(Guid.NewGuid(), "b", null, null, Now);

        var error = Assert.Throws<DomainRuleException>(() => item.Report(Completed))!;

        Assert.That(error.Rule, Is.EqualTo("measures_unimplemented"));
        Assert.That(((System.Collections.IEnumerable)error.Details["unimplementedMeasures"]!).Cast<object>().Count(), Is.EqualTo(2));
    }

    [Test]
    public void ReportProgress_WhenReachingCompleted_SetsCompletedAt()
    {
        var item = AtProgress(InProgress);
        var at = Now.AddDays(10);

        item.Report(Completed, ScheduleStatus.OnSchedule, at: at);

        Assert.That(item.CompletedAt, Is.EqualTo(at));
        Assert.That(item.IsCompleted, Is.True);
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenNotReachingCompleted_LeavesCompletedAtEmpty(ProgressStatus to)
    {
        var item = AtProgress(NotStarted);

        item.Report(to, ScheduleStatus.OnSchedule);

        Assert.That(item.CompletedAt, Is.Null);
    }

    [Test]
    public void ReportProgress_WhenAlreadyCompleted_KeepsTheFirstCompletedAt()
    {
        var item = AtProgress(InProgress);
        item.Report(Completed);

        item.Report(Completed, at: Now.AddDays(5));

        Assert.That(item.CompletedAt, Is.EqualTo(Now));
    }

    [Test]
    public void ReportProgress_WhenReportCarriesScheduleQuantityAndObstacles_AppliesThem()
    {
        var item = AtProgress(NotStarted);

        item.Report(InProgress, ScheduleStatus.Behind, 3.5m, "用地审批未完成");

        Assert.That(item.ScheduleStatus, Is.EqualTo(ScheduleStatus.Behind));
        Assert.That(item.QuantityDone, Is.EqualTo(3.5m));
        Assert.That(item.Obstacles, Is.EqualTo("用地审批未完成"));
    }

    [Test]
    public void ReportProgress_WhenNextReportOmitsQuantity_KeepsLastQuantityAndTakesNewScheduleAndObstacles()
    {
        var item = AtProgress(NotStarted);
        item.Report(InProgress, ScheduleStatus.Behind, 3.5m, "用地审批未完成");

        item.Report(BasicallyCompleted, ScheduleStatus.Ahead);

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

        Assert.That(() => item.Report(to), Violates("sign_off_pending"));
        Assert.That(item.ProgressStatus, Is.EqualTo(Completed));
    }

    [Test]
    public void ReportProgress_WhenSignOffRequestedAndReportingCompleted_IsRefusedSoTheSubmissionStaysAsReviewed()
    {
        var item = SignOffRequested();
        var quantityBefore = item.QuantityDone;

        Assert.That(() => item.Report(Completed, ScheduleStatus.Ahead, 10m, at: Now.AddDays(1)), Violates("sign_off_pending"));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.Requested));
        Assert.That(item.QuantityDone, Is.EqualTo(quantityBefore));
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenSignedOff_ViolatesSignedOff(ProgressStatus to)
    {
        var item = SignedOff();

        Assert.That(() => item.Report(to), Violates("signed_off"));
        Assert.That(item.ProgressStatus, Is.EqualTo(Completed));
        Assert.That(item.SignOffStatus, Is.EqualTo(SignOffStatus.SignedOff));
    }

    [TestCase(NotStarted)]
    [TestCase(InProgress)]
    [TestCase(BasicallyCompleted)]
    public void ReportProgress_WhenSignOffReturnedAndReportingLessThanCompleted_ViolatesProgressBackwards(ProgressStatus to)
    {
        var item = Returned();

        Assert.That(() => item.Report(to), Violates("progress_backwards"));
    }

    [Test]
    public void ReportProgress_WhenFiled_ReturnsTheReportAsSubmittedAndRemembersItsDate()
    {
        var item = AtProgress(NotStarted);
        var reportId = Guid.NewGuid();
        Evidence[] evidence = [new Evidence("现场照片.jpg", "https://files.example/1.jpg", null)];

        var report = item.ReportProgress(reportId, Today, "管网铺设 1.2 公里", InProgress, ScheduleStatus.Behind, 1.2m,
            "雨季施工受限", evidence, "县住建局", Now);

        Assert.That(report, Is.EqualTo(new ProgressReport(reportId, item.Id, Today, "管网铺设 1.2 公里", InProgress,
            ScheduleStatus.Behind, 1.2m, "雨季施工受限", evidence, "县住建局", Now)));
        Assert.That(item.LatestReportedOn, Is.EqualTo(Today));
    }

    [Test]
    public void ReportProgress_WhenDatedBeforeTheLatestReport_IsKeptButChangesNothing()
    {
        var item = AtProgress(NotStarted);
        item.Report(BasicallyCompleted, ScheduleStatus.Ahead, 8m, null, on: Today);

        var report = item.Report(InProgress, ScheduleStatus.Behind, 2m, "资金未到位", on: Today.AddDays(-7));

        Assert.That(report.ProgressStatus, Is.EqualTo(InProgress));
        Assert.That(item.ProgressStatus, Is.EqualTo(BasicallyCompleted));
        Assert.That(item.ScheduleStatus, Is.EqualTo(ScheduleStatus.Ahead));
        Assert.That(item.QuantityDone, Is.EqualTo(8m));
        Assert.That(item.Obstacles, Is.Null);
        Assert.That(item.LatestReportedOn, Is.EqualTo(Today));
    }

    [Test]
    public void ReportProgress_WhenDatedBeforeTheLatestReportAndSayingCompleted_DoesNotCompleteTheItem()
    {
        var item = AtProgress(InProgress);

        item.Report(Completed, on: Today.AddDays(-1));

        Assert.That(item.ProgressStatus, Is.EqualTo(InProgress));
        Assert.That(item.CompletedAt, Is.Null);
    }

    [Test]
    public void ReportProgress_WhenDatedTheSameDayAsTheLatestReport_Applies()
    {
        var item = AtProgress(InProgress);

        item.Report(BasicallyCompleted, ScheduleStatus.Ahead, on: Today);

        Assert.That(item.ProgressStatus, Is.EqualTo(BasicallyCompleted));
        Assert.That(item.ScheduleStatus, Is.EqualTo(ScheduleStatus.Ahead));
    }

    [Test]
    public void ReportProgress_WhenDatedAfterTheLatestReport_AppliesAndMovesTheLatestDate()
    {
        var item = AtProgress(InProgress);
        var later = Today.AddDays(14);

        item.Report(BasicallyCompleted, on: later);

        Assert.That(item.ProgressStatus, Is.EqualTo(BasicallyCompleted));
        Assert.That(item.LatestReportedOn, Is.EqualTo(later));
    }

    [Test]
    public void ReportProgress_WhenRefused_LeavesTheLatestReportDate()
    {
        var item = AtProgress(BasicallyCompleted);

        Assert.That(() => item.Report(InProgress, on: Today.AddDays(3)), Violates("progress_backwards"));
        Assert.That(item.LatestReportedOn, Is.EqualTo(Today));
    }
}
