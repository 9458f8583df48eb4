using NUnit.Framework.Constraints;
using Rectify.Domain.Common;
using Rectify.Domain.Items;

namespace Rectify.UnitTests.Domain;

/// <summary>
/// Builds items in a given state by driving them through their public methods only, and shortens the calls tests
/// make over and over (a report, a sign-off request, a review, an extension, a recurrence) to what they vary.
/// </summary>
internal static class ItemStates
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateOnly Due = new(2026, 6, 30);

    /// <summary>The review chain every built item carries: county unit → city office → filing.</summary>
    public static readonly IReadOnlyList<string> ThreeSteps = ["县责任单位初审", "市整改办审核", "市整改办备案"];

    public static ItemContent Content(string code = "1", string title = "title", ItemCategory category = ItemCategory.Water) =>
        new(code, title, null, null, null, category, null, null, null, false, null, null, null, null, []);

    public static Item New(IReadOnlyList<string>? signOffSteps = null) =>
        Item.Create(Guid.NewGuid(), Guid.NewGuid(), signOffSteps ?? ThreeSteps, Content(),
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.ByDate], Due, Now);

    /// <summary>An ongoing-only (长期坚持) item: no due date.</summary>
    public static Item NewOngoing() =>
        Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content(),
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.Ongoing], null, Now);

    /// <summary>An item whose only measure is implemented, at the given progress (reached by one forward report).</summary>
    public static Item AtProgress(ProgressStatus progress) => Drive(New(), progress);

    public static Item Drive(Item item, ProgressStatus progress)
    {
        var measure = item.AddMeasure(Guid.NewGuid(), "截污纳管", null, null, Now);
        item.SetMeasureImplemented(measure.Id, true, null, Today, Now);
        if (progress != ProgressStatus.NotStarted)
            item.Report(progress, ScheduleStatus.OnSchedule);
        return item;
    }

    public static Item CompletedItem() => AtProgress(ProgressStatus.Completed);

    public static Item SignOffRequested()
    {
        var item = CompletedItem();
        item.SubmitForSignOff();
        return item;
    }

    public static Item SignedOff()
    {
        var item = SignOffRequested();
        foreach (var _ in ThreeSteps)
            item.Approve();
        return item;
    }

    public static Item Returned()
    {
        var item = SignOffRequested();
        item.Return();
        return item;
    }

    /// <summary>A completed item whose sign-off is in the given state.</summary>
    public static Item CompletedWithSignOff(SignOffStatus signOff) => signOff switch
    {
        SignOffStatus.None => CompletedItem(),
        SignOffStatus.Requested => SignOffRequested(),
        SignOffStatus.Returned => Returned(),
        SignOffStatus.SignedOff => SignedOff(),
        _ => throw new ArgumentOutOfRangeException(nameof(signOff)),
    };

    /// <summary>
    /// Files a progress report. It is dated the day of <paramref name="at"/> (today by default) unless
    /// <paramref name="on"/> says otherwise, so a later report is also a later-dated one.
    /// </summary>
    public static ProgressReport Report(this Item item, ProgressStatus status, ScheduleStatus? schedule = null,
        decimal? quantityDone = null, string? obstacles = null, DateTimeOffset? at = null, DateOnly? on = null)
    {
        var now = at ?? Now;
        return item.ReportProgress(Guid.NewGuid(), on ?? DateOnly.FromDateTime(now.DateTime), "按计划推进", status, schedule,
            quantityDone, obstacles, [], "县住建局", now);
    }

    /// <summary>申请销号 with a summary and no evidence.</summary>
    public static SignOffRequest SubmitForSignOff(this Item item, DateTimeOffset? at = null) =>
        item.RequestSignOff(Guid.NewGuid(), "整改已完成，申请销号", [], "县住建局", null, at ?? Now);

    /// <summary>A step name that is in no chain: what a reviewer names when nothing is under review.</summary>
    public const string NoStep = "无待审环节";

    /// <summary>通过: approves the step under review, naming it as the reviewer saw it.</summary>
    public static SignOffReview Approve(this Item item, DateTimeOffset? at = null) =>
        item.ApproveSignOffStep(Guid.NewGuid(), item.SignOffStep ?? NoStep, "张三", null, null, "市整改办", at ?? Now);

    /// <summary>退回: returns the request under review, naming the step as the reviewer saw it.</summary>
    public static SignOffReview Return(this Item item, DateTimeOffset? at = null) =>
        item.ReturnSignOff(Guid.NewGuid(), item.SignOffStep ?? NoStep, "张三", "佐证材料不全", "市整改办", at ?? Now);

    /// <summary>延期申请 for <paramref name="requested"/>, asked on <paramref name="today"/> (today by default).</summary>
    public static Extension AskExtension(this Item item, DateOnly requested, DateOnly? today = null) =>
        item.RequestExtension(Guid.NewGuid(), requested, "资金纳入 PPP 项目，预计 7 月开工", "县住建局", null, today ?? Today, Now);

    /// <summary>反弹: records a recurrence that reopens the item with a new due date.</summary>
    public static Recurrence Recur(this Item item, DateOnly newDueDate, DateTimeOffset? at = null) =>
        item.RecordRecurrence(Guid.NewGuid(), Today, "市生态环境局", "群众再次投诉", newDueDate, "市整改办", at ?? Now);

    /// <summary>Edits only the deadline: the content stays as it is.</summary>
    public static void EditDeadline(this Item item, IReadOnlyList<DeadlineKind> kinds, DateOnly? dueDate) =>
        item.Edit(item.Content, kinds, dueDate);

    public static IResolveConstraint Violates(string rule) =>
        Throws.TypeOf<DomainRuleException>().With.Property(nameof(DomainRuleException.Rule)).EqualTo(rule);
}
