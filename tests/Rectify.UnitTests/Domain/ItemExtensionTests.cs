using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemExtensionTests
{
    private static readonly DateOnly Later = new(2026, 9, 30);

    private static Extension PendingExtension(Item item, DateOnly requested) => new()
    {
        Id = Guid.NewGuid(), ItemId = item.Id, RequestedDueDate = requested, PreviousDueDate = item.DueDate,
        Reason = "资金纳入 PPP 项目，预计 7 月开工", RequestedAt = Now, RequestedBy = "县住建局",
    };

    [Test]
    public void EnsureCanRequestExtension_WhenOpenItemBeforeDeadlineAsksLaterDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Later, Today, hasPendingExtension: false), Throws.Nothing);
    }

    [Test]
    public void EnsureCanRequestExtension_WhenAnotherRequestIsPending_ViolatesExtensionPending()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Later, Today, hasPendingExtension: true), Violates("extension_pending"));
    }

    [Test]
    public void EnsureCanRequestExtension_WhenItemHasNoDueDate_ViolatesNoDueDate()
    {
        var item = NewOngoing();

        Assert.That(() => item.EnsureCanRequestExtension(Later, Today, hasPendingExtension: false), Violates("no_due_date"));
    }

    [Test]
    public void EnsureCanRequestExtension_WhenDeadlinePassed_ViolatesDeadlinePassed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Later, Due.AddDays(1), hasPendingExtension: false),
            Violates("deadline_passed"));
    }

    [Test]
    public void EnsureCanRequestExtension_WhenTodayIsTheDueDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Later, Due, hasPendingExtension: false), Throws.Nothing);
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(-30)]
    public void EnsureCanRequestExtension_WhenRequestedDateIsNotAfterDueDate_ViolatesExtensionNotLater(int daysAfterDue)
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Due.AddDays(daysAfterDue), Today, hasPendingExtension: false),
            Violates("extension_not_later"));
    }

    [Test]
    public void EnsureCanRequestExtension_WhenRequestedOneDayAfterDueDate_IsAllowed()
    {
        var item = AtProgress(ProgressStatus.InProgress);

        Assert.That(() => item.EnsureCanRequestExtension(Due.AddDays(1), Today, hasPendingExtension: false), Throws.Nothing);
    }

    [Test]
    public void EnsureCanRequestExtension_WhenItemCompleted_ViolatesItemCompleted()
    {
        var item = CompletedItem();

        Assert.That(() => item.EnsureCanRequestExtension(Later, Today, hasPendingExtension: false), Violates("item_completed"));
    }

    [Test]
    public void ApplyExtension_WhenApproved_MovesDueDateAndKeepsOriginal()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = PendingExtension(item, Later);
        extension.Decide(ExtensionStatus.Approved, "市整改办", null, Now);

        item.ApplyExtension(extension);

        Assert.That(item.DueDate, Is.EqualTo(Later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.ByDate }));
    }

    [Test]
    public void ApplyExtension_WhenExtendedTwice_KeepsTheFirstOriginalDueDate()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.ApplyExtension(PendingExtension(item, Later));
        var evenLater = new DateOnly(2026, 12, 31);

        item.ApplyExtension(PendingExtension(item, evenLater));

        Assert.That(item.DueDate, Is.EqualTo(evenLater));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [Test]
    public void ApplyExtension_WhenItemHasNoByDateKind_AddsByDate()
    {
        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), "2", "title", ItemCategory.Air,
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.Ongoing, DeadlineKind.Immediate], Due, Now);

        item.ApplyExtension(PendingExtension(item, Later));

        Assert.That(item.DeadlineKinds, Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.ByDate, DeadlineKind.Ongoing }));
        Assert.That(item.DueDate, Is.EqualTo(Later));
        Assert.That(item.OriginalDueDate, Is.EqualTo(Due));
    }

    [TestCase(ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected)]
    public void Decide_WhenPending_RecordsTheDecision(ExtensionStatus decision)
    {
        var extension = PendingExtension(AtProgress(ProgressStatus.InProgress), Later);
        var decidedAt = Now.AddDays(2);

        extension.Decide(decision, "张三", "同意延期至三季度末", decidedAt);

        Assert.That(extension.Status, Is.EqualTo(decision));
        Assert.That(extension.ReviewerName, Is.EqualTo("张三"));
        Assert.That(extension.Comment, Is.EqualTo("同意延期至三季度末"));
        Assert.That(extension.DecidedAt, Is.EqualTo(decidedAt));
    }

    [TestCase(ExtensionStatus.Approved, ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Approved, ExtensionStatus.Rejected)]
    [TestCase(ExtensionStatus.Rejected, ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected, ExtensionStatus.Rejected)]
    public void Decide_WhenAlreadyDecided_ViolatesExtensionDecidedAndKeepsFirstDecision(ExtensionStatus first, ExtensionStatus second)
    {
        var extension = PendingExtension(AtProgress(ProgressStatus.InProgress), Later);
        extension.Decide(first, "张三", null, Now);

        Assert.That(() => extension.Decide(second, "李四", "改判", Now.AddDays(1)), Violates("extension_decided"));
        Assert.That(extension.Status, Is.EqualTo(first));
        Assert.That(extension.ReviewerName, Is.EqualTo("张三"));
        Assert.That(extension.DecidedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Decide_WhenDecisionIsPending_ThrowsArgumentOutOfRange()
    {
        var extension = PendingExtension(AtProgress(ProgressStatus.InProgress), Later);

        Assert.That(() => extension.Decide(ExtensionStatus.Pending, "张三", null, Now), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(extension.Status, Is.EqualTo(ExtensionStatus.Pending));
    }
}
