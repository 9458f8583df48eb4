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

        item.SetMeasureImplemented(measure.Id, true, null, Today, Now);

        Assert.That(measure.Implemented, Is.True);
        Assert.That(measure.ImplementedOn, Is.EqualTo(Today));
    }

    [Test]
    public void SetMeasureImplemented_WhenDateGiven_UsesThatDate()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, null, Now);
        var on = Today.AddDays(-10);

        item.SetMeasureImplemented(measure.Id, true, on, Today, Now);

        Assert.That(measure.ImplementedOn, Is.EqualTo(on));
    }

    [Test]
    public void SetMeasureImplemented_WhenTakenBackOnOpenItem_ClearsTheDate()
    {
        var item = AtProgress(ProgressStatus.BasicallyCompleted);
        var measure = item.Measures.Single();

        item.SetMeasureImplemented(measure.Id, false, Today, Today, Now);

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

        Assert.That(() => item.SetMeasureImplemented(measure.Id, false, null, Today, Now), Violates("item_completed"));
        Assert.That(measure.Implemented, Is.True);
        Assert.That(measure.ImplementedOn, Is.EqualTo(Today));
    }

    [Test]
    public void EditMeasure_WhenItemOpen_ChangesTextUnitAndDueDate()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, null, Now);
        var unitId = Guid.NewGuid();
        var at = Now.AddDays(1);

        item.EditMeasure(measure.Id, "开展全面排查", unitId, Due, at);

        Assert.That(measure.Description, Is.EqualTo("开展全面排查"));
        Assert.That(measure.UnitId, Is.EqualTo(unitId));
        Assert.That(measure.DueDate, Is.EqualTo(Due));
        Assert.That(measure.UpdatedAt, Is.EqualTo(at));
        Assert.That(measure.Implemented, Is.False);
    }

    [Test]
    public void EditMeasure_WhenNothingDiffers_LeavesTheMeasureUntouched()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, Due, Now);
        var events = item.Events.Count;

        item.EditMeasure(measure.Id, "开展排查", null, Due, Now.AddDays(1));

        Assert.That(measure.UpdatedAt, Is.EqualTo(Now));
        Assert.That(item.Events, Has.Count.EqualTo(events));
    }

    [Test]
    public void EditMeasure_WhenMeasureIsNotTheItems_ThrowsArgument()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var other = AtProgress(ProgressStatus.InProgress).Measures.Single();

        Assert.That(() => item.EditMeasure(other.Id, "x", null, null, Now), Throws.ArgumentException);
        Assert.That(() => item.SetMeasureImplemented(Guid.NewGuid(), true, null, Today, Now), Throws.ArgumentException);
    }

    [Test]
    public void SetMeasureImplemented_WhenAlreadyImplementedOnThatDate_LeavesTheMeasureUntouched()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var measure = item.Measures.Single();
        var events = item.Events.Count;

        item.SetMeasureImplemented(measure.Id, true, null, Today, Now.AddDays(1));

        Assert.That(measure.UpdatedAt, Is.EqualTo(Now));
        Assert.That(item.Events, Has.Count.EqualTo(events));
    }

    [Test]
    public void SetMeasureImplemented_WhenRedatedOnCompletedItem_MovesTheDate()
    {
        var item = CompletedItem();
        var measure = item.Measures.Single();
        var on = Today.AddDays(-5);

        item.SetMeasureImplemented(measure.Id, true, on, Today, Now);

        Assert.That(measure.Implemented, Is.True);
        Assert.That(measure.ImplementedOn, Is.EqualTo(on));
    }
}
