using Rectify.Domain.Clients;
using Rectify.Domain.Common;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

public sealed class ApiClientTests
{
    private static ApiClient Stored(bool active = true, bool unitActive = true) =>
        ApiClient.Restore(Guid.NewGuid(), "市局对接", ["read", "write"], Guid.NewGuid(), active, unitActive, 3, Now);

    [Test]
    public void Issue_RecordsClientIssuedWithNameScopesAndUnit()
    {
        var unitId = Guid.NewGuid();

        var client = ApiClient.Issue(Guid.NewGuid(), "城关镇填报", ["read", "report"], unitId, "hash", Now);

        Assert.That(client.Events.Select(e => e.Event.GetType()), Is.EqualTo(new[] { typeof(ClientIssued) }));
        var issued = client.Events[0];
        Assert.That(issued.Event.Action, Is.EqualTo("created"));
        Assert.That(((ClientIssued)issued.Event).KeyHash, Is.EqualTo("hash"));
        Assert.That(issued.Changes.Select(c => (c.Field, c.Old)), Is.EqualTo(new[] { ("name", (object?)null), ("scopes", null), ("unitId", null) }));
        Assert.That(issued.Changes[0].New, Is.EqualTo("城关镇填报"));
        Assert.That(issued.Changes[1].New, Is.EqualTo(new[] { "read", "report" }));
        Assert.That(issued.Changes[2].New, Is.EqualTo(unitId));
        Assert.That((client.IsNew, client.Active, client.CanAuthenticate, client.Version), Is.EqualTo((true, true, true, 1)));
    }

    [Test]
    public void Issue_WhenNotBoundToAUnit_StillRecordsTheUnitAsNull()
    {
        var client = ApiClient.Issue(Guid.NewGuid(), "市局对接", ["admin"], null, "hash", Now);

        Assert.That(client.Events[0].Changes[2], Is.EqualTo(new FieldChange("unitId", null, null)));
    }

    [Test]
    public void Deactivate_RecordsClientDeactivatedAndStopsAuthenticating()
    {
        var client = Stored();

        client.Deactivate();

        Assert.That(client.Events.Select(e => e.Event.GetType()), Is.EqualTo(new[] { typeof(ClientDeactivated) }));
        Assert.That(client.Events[0].Event.Action, Is.EqualTo("deactivated"));
        Assert.That(client.Events[0].Changes, Is.EqualTo(new[] { new FieldChange("active", true, false) }));
        Assert.That(client.CanAuthenticate, Is.False);
        Assert.That(client.StampChanges(Now.AddDays(1)), Is.True);
        Assert.That(client.Version, Is.EqualTo(4));
    }

    [Test]
    public void Deactivate_WhenAlreadyInactive_RecordsNothing()
    {
        var client = Stored(active: false);

        client.Deactivate();

        Assert.That(client.Events, Is.Empty);
        Assert.That(client.StampChanges(Now.AddDays(1)), Is.False);
        Assert.That(client.Version, Is.EqualTo(3));
    }

    [Test]
    public void CanAuthenticate_WhenTheUnitIsInactive_IsFalse()
    {
        Assert.That(Stored(unitActive: false).CanAuthenticate, Is.False);
        Assert.That(Stored().CanAuthenticate, Is.True);
    }
}
