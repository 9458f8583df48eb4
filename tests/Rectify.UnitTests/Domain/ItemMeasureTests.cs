using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ItemMeasureTests
{
    [Test]
    public void AddMeasure_WhenItemOpen_AddsMeasureToItem()
    {
        var item = New();
        var unitId = Guid.NewGuid();

        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", unitId, Due, Now);

        Assert.That(item.Measures, Is.EqualTo(new[] { measure }));
        Assert.That(measure.ItemId, Is.EqualTo(item.Id));
        Assert.That(measure.UnitId, Is.EqualTo(unitId));
        Assert.That(measure.Implemented, Is.False);
    }

    [Test]
    public void AddMeasure_WhenItemCompleted_ViolatesItemCompleted()
    {
        var item = CompletedItem();

        Assert.That(() => item.AddMeasure(Guid.NewGuid(), "补充措施", null, null, Now), Violates("item_completed"));
        Assert.That(item.Measures, Has.Count.EqualTo(1));
    }

    [Test]
    public void SetMeasureImplemented_WhenNoDateGiven_UsesToday()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, null, Now);

        item.SetMeasureImplemented(measure, true, null, Today, Now);

        Assert.That(measure.Implemented, Is.True);
        Assert.That(measure.ImplementedOn, Is.EqualTo(Today));
    }

    [Test]
    public void SetMeasureImplemented_WhenDateGiven_UsesThatDate()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, null, Now);
        var on = Today.AddDays(-10);

        item.SetMeasureImplemented(measure, true, on, Today, Now);

        Assert.That(measure.ImplementedOn, Is.EqualTo(on));
    }

    [Test]
    public void SetMeasureImplemented_WhenTakenBackOnOpenItem_ClearsTheDate()
    {
        var item = AtProgress(ProgressStatus.BasicallyCompleted);
        var measure = item.Measures.Single();

        item.SetMeasureImplemented(measure, false, Today, Today, Now);

        Assert.That(measure.Implemented, Is.False);
        Assert.That(measure.ImplementedOn, Is.Null);
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Requested)]
    [TestCase(SignOffStatus.SignedOff)]
    public void SetMeasureImplemented_WhenTakenBackOnCompletedItem_ViolatesItemCompleted(SignOffStatus signOff)
    {
        var item = CompletedWithSignOff(signOff);
        var measure = item.Measures.Single();

        Assert.That(() => item.SetMeasureImplemented(measure, false, null, Today, Now), Violates("item_completed"));
        Assert.That(measure.Implemented, Is.True);
        Assert.That(measure.ImplementedOn, Is.EqualTo(Today));
    }
}
