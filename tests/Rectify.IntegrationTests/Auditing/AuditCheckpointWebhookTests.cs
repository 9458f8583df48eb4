using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using Rectify.IntegrationTests.Webhooks;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>A checkpoint leaves the system as an audit.checkpoint event, which its receiver can keep and verify against later.</summary>
public sealed class AuditCheckpointWebhookTests : WebhookTest
{
    [Test]
    public async Task CreateAuditCheckpoint_SendsItAsAnAuditCheckpointEvent_ToSubscriptionsNotLimitedToAUnit()
    {
        var (path, unitPath) = (NewPath("checkpoints"), NewPath("unit-checkpoints"));
        var subscription = await SubscribeAsync(path, ["audit.checkpoint"]);
        var unitSubscription = await SubscribeAsync(unitPath, ["audit.checkpoint"], unitId: await Admin.CreateUnitAsync());

        var checkpoint = await Admin.CheckpointAsync();

        var id = checkpoint["id"]!.GetValue<Guid>();
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the checkpoint arrives");
        var received = Receiver.ReceivedAt(path).First();
        Assert.That(received.Id, Is.EqualTo(id.ToString("D")), "the webhook-id is the checkpoint's id");
        Assert.That(WebhookSignature.Verify(subscription.Secret(), received.Id, received.Timestamp, received.Body, received.Signature), Is.True);
        var body = JsonNode.Parse(received.Body)!.AsObject();
        Assert.That(body["type"].Text(), Is.EqualTo("audit.checkpoint"));
        var sent = body["data"]!["checkpoint"]!.AsObject();
        Assert.That(sent.ToJsonString(), Is.EqualTo(checkpoint.ToJsonString()));
        Assert.That((await Admin.VerifyAgainstAsync(sent)).Intact(), Is.True, "what the receiver kept verifies");
        Assert.That(await DeliveriesAsync(unitSubscription.Id()), Is.Empty, "a checkpoint concerns no unit's items");
    }
}
