using Rectify.Domain.Common;
using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemExtensionTests
{
    private static readonly DateOnly Later = new(2026, 9, 30);

    [Test]
    public void RequestExtension_WhenOpenItemBeforeDeadlineAsksLaterDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.AskExtension(Later, Today), Throws.Nothing);
        Assert.That(item.Extensions, Has.Count.EqualTo(1));
    }

    [Test]
    public void RequestExtension_WhenAllowed_AddsAPendingRequestThatRemembersTheCurrentDueDate()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var id = Guid.NewGuid();

        var extension = item.RequestExtension(id, Later, "资金纳入 PPP 项目", "县住建局", null, Today, Now);

        Assert.That(item.Extensions, Is.EqualTo(new[] { extension }));
        Assert.That(extension.Id, Is.EqualTo(id));
        Assert.That(extension.ItemId, Is.EqualTo(item.Id));
        Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Pending));
        Assert.That(extension.RequestedDueDate, Is.EqualTo(Later));
        Assert.That(extension.PreviousDueDate, Is.EqualTo(Due));
        Assert.That(extension.Reason, Is.EqualTo("资金纳入 PPP 项目"));
        Assert.That(extension.RequestedBy, Is.EqualTo("县住建局"));
        Assert.That(extension.RequestedAt, Is.EqualTo(Now));
        Assert.That(extension.DecidedAt, Is.Null);
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void RequestExtension_WhenAnotherRequestIsPending_ViolatesExtensionPending()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.AskExtension(Later, Today);

        Assert.That(() => item.AskExtension(Later.AddDays(30), Today), Violates("extension_pending"));
        Assert.That(item.Extensions, Has.Count.EqualTo(1));
    }

    [TestCase(ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected)]
    public void RequestExtension_WhenTheEarlierRequestWasDecided_IsAllowed(ExtensionStatus decision)
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.DecideExtension(item.AskExtension(Later, Today), decision, "市整改办", null, Now);

        Assert.That(() => item.AskExtension(new DateOnly(2026, 12, 31), Today), Throws.Nothing);
        Assert.That(item.Extensions, Has.Count.EqualTo(2));
    }

    [Test]
    public void RequestExtension_WhenItemHasNoDueDate_ViolatesNoDueDate()
    {
        var item = NewOngoing();

        Assert.That(() => item.AskExtension(Later, Today), Violates("no_due_date"));
        Assert.That(item.Extensions, Is.Empty);
    }

    [Test]
    public void RequestExtension_WhenDeadlinePassed_ViolatesDeadlinePassed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.AskExtension(Later, Due.AddDays(1)), Violates("deadline_passed"));
        Assert.That(item.Extensions, Is.Empty);
    }

    [Test]
    public void RequestExtension_WhenTodayIsTheDueDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.AskExtension(Later, Due), Throws.Nothing);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-30)]
    public void RequestExtension_WhenRequestedDateIsNotAfterDueDate_ViolatesExtensionNotLater(int daysAfterDue)
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.AskExtension(Due.AddDays(daysAfterDue), Today), Violates("extension_not_later"));
        Assert.That(item.Extensions, Is.Empty);
    }

    [Test]
    public void RequestExtension_WhenRequestedOneDayAfterDueDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.AskExtension(Due.AddDays(1), Today), Throws.Nothing);
    }

    [Test]
    public void RequestExtension_WhenItemCompleted_ViolatesItemCompleted()
    {
        var item = CompletedItem();

        Assert.That(() => item.AskExtension(Later, Today), Violates("item_completed"));
        Assert.That(item.Extensions, Is.Empty);
    }

    [Test]
    public void DecideExtension_WhenApproved_MovesDueDateAndKeepsOriginal()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);

        item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, Now);

        Assert.That(item.DueDate, Is.EqualTo(Later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate }));
    }

    [Test]
    public void DecideExtension_WhenRejected_KeepsTheDueDate()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);

        item.DecideExtension(extension, ExtensionStatus.Rejected, "市整改办", "理由不充分", Now);

        Assert.That(item.DueDate, Is.EqualTo(Due));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void DecideExtension_WhenExtendedTwice_KeepsTheFirstOriginalDueDate()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.DecideExtension(item.AskExtension(Later), ExtensionStatus.Approved, "市整改办", null, Now);
        var evenLater = new DateOnly(2026, 12, 31);

        item.DecideExtension(item.AskExtension(evenLater), ExtensionStatus.Approved, "市整改办", null, Now);

        Assert.That(item.DueDate, Is.EqualTo(evenLater));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void DecideExtension_WhenItemHasNoByDateKind_AddsByDate()
    {
        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content("2", category: ItemCategory.Air),
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.Ongoing, DeadlineKind.Immediate], Due, Now);

        item.DecideExtension(item.AskExtension(Later), ExtensionStatus.Approved, "市整改办", null, Now);

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.ByDate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.EqualTo(Later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [TestCase(ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected)]
    public void DecideExtension_WhenPending_RecordsTheDecision(ExtensionStatus decision)
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);
        var decidedAt = Now.AddDays(2);

        item.DecideExtension(extension, decision, "张三", "同意延期至三季度末", decidedAt);

        Assert.That(extension.Status, Is.EqualTo(decision));
        Assert.That(extension.ReviewerName, Is.EqualTo("张三"));
        Assert.That(extension.Comment, Is.EqualTo("同意延期至三季度末"));
        Assert.That(extension.DecidedAt, Is.EqualTo(decidedAt));
    }

    [TestCase(ExtensionStatus.Approved, ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Approved, ExtensionStatus.Rejected)]
    [TestCase(ExtensionStatus.Rejected, ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected, ExtensionStatus.Rejected)]
    public void DecideExtension_WhenAlreadyDecided_ViolatesExtensionDecidedAndKeepsFirstDecision(ExtensionStatus first, ExtensionStatus second)
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);
        item.DecideExtension(extension, first, "张三", null, Now);
        var dueDate = item.DueDate;

        Assert.That(() => item.DecideExtension(extension, second, "李四", "改判", Now.AddDays(1)), Violates("extension_decided"));
        Assert.That(extension.Status, Is.EqualTo(first));
        Assert.That(extension.ReviewerName, Is.EqualTo("张三"));
        Assert.That(extension.DecidedAt, Is.EqualTo(Now));
        Assert.That(item.DueDate, Is.EqualTo(dueDate));
    }

    [Test]
    public void DecideExtension_WhenDecisionIsPending_ThrowsArgumentOutOfRange()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Pending, "张三", null, Now),
            Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Pending));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void DecideExtension_WhenTheExtensionBelongsToAnotherItem_ThrowsArgumentAndDecidesNothing()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var other = AtProgress(ProgressStatus.InProgress);
        var extension = other.AskExtension(Later);

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Approved, "张三", null, Now),
            Throws.ArgumentException);
        Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Pending));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    [Test]
    public void DecideExtension_WhenTheItemWasCompletedMeanwhile_CanStillBeRejected()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Due.AddDays(30));
        item.Report(ProgressStatus.Completed);

        item.DecideExtension(extension, ExtensionStatus.Rejected, "市整改办", "已完成整改，无需延期", Now);

        Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Rejected));
        Assert.That(item.DueDate, Is.EqualTo(Due));
    }

    /// <summary>A refused approval must leave the request as it was: still pending, so the office can reject it.</summary>
    [TestCase(true)]
    [TestCase(false)]
    public void DecideExtension_WhenTheApprovalIsRefused_LeavesTheRequestPending(bool completedMeanwhile)
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Due.AddDays(30));
        if (completedMeanwhile)
            item.Report(ProgressStatus.Completed);
        else
            item.EditDeadline(item.DeadlineKinds, Due.AddDays(60));

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, Now),
            Throws.TypeOf<DomainRuleException>());

        Assert.Multiple(() =>
        {
            Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Pending));
            Assert.That(extension.ReviewerName, Is.Null);
            Assert.That(extension.DecidedAt, Is.Null);
            Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Rejected, "市整改办", null, Now), Throws.Nothing);
        });
    }
}
