using NUnit.Framework.Constraints;
using Rectify.Domain.Common;
using Rectify.Domain.Items;

namespace Rectify.UnitTests.Domain;

/// <summary>Builds items in a given state by driving them through their public methods only.</summary>
internal static class ItemStates
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Today = new(2026, 3, 2);
    public static readonly DateOnly Due = new(2026, 6, 30);

    /// <summary>The review chain every built item carries: county unit → city office → filing.</summary>
    public static readonly IReadOnlyList<string> ThreeSteps = ["县责任单位初审", "市整改办审核", "市整改办备案"];

    public static Item New()
    {
        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), "1", "title", ItemCategory.Water,
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.ByDate], Due, Now);
        item.SignOffSteps = ThreeSteps;
        return item;
    }

    /// <summary>An ongoing-only (长期坚持) item: no due date.</summary>
    public static Item NewOngoing()
    {
        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), "1", "title", ItemCategory.Water,
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.Ongoing], null, Now);
        item.SignOffSteps = ThreeSteps;
        return item;
    }

    /// <summary>An item whose only measure is implemented, at the given progress (reached by one forward report).</summary>
    public static Item AtProgress(ProgressStatus progress) => Drive(New(), progress);

    public static Item Drive(Item item, ProgressStatus progress)
    {
        var measure = item.AddMeasure(Guid.NewGuid(), "截污纳管", null, null, Now);
        item.SetMeasureImplemented(measure, true, null, Today, Now);
        if (progress != ProgressStatus.NotStarted)
            item.ReportProgress(progress, ScheduleStatus.OnSchedule, null, null, Now);
        return item;
    }

    public static Item CompletedItem() => AtProgress(ProgressStatus.Completed);

    public static Item SignOffRequested()
    {
        var item = CompletedItem();
        item.RequestSignOff();
        return item;
    }

    public static Item SignedOff()
    {
        var item = SignOffRequested();
        foreach (var _ in ThreeSteps)
            item.ApproveSignOffStep(Now);
        return item;
    }

    public static Item Returned()
    {
        var item = SignOffRequested();
        item.ReturnSignOff();
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

    public static IResolveConstraint Violates(string rule) =>
        Throws.TypeOf<DomainRuleException>().With.Property(nameof(DomainRuleException.Rule)).EqualTo(rule);
}
