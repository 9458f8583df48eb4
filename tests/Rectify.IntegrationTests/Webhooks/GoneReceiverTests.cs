using System.Net;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>410 Gone is a receiver saying "no more": the subscription is switched off and nothing further is sent.</summary>
public sealed class GoneReceiverTests : WebhookTest
{
    /// <summary>One delivery at a time, so the deliveries queued behind the one answered 410 are still pending after it.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Webhooks:BatchSize"] = "1" };

    [Test]
    public async Task Delivery_WhenTheReceiverAnswers410_DisablesTheSubscriptionAndSendsNothingMore()
    {
        var path = NewPath("gone");
        var created = await SubscribeAsync(path);
        var uri = $"{WebhooksPath}/{created.Id()}";
        Receiver.Answer = request => request.Path.StartsWith("/gone", StringComparison.Ordinal) ? 410 : 200;
        Receiver.Hold = TimeSpan.FromMilliseconds(300);

        for (var i = 0; i < 3; i++)
            await PingAsync(created.Id());

        await EventuallyAsync(async () => !(await Admin.GetResourceAsync(uri)).Body["active"]!.GetValue<bool>(), "the subscription is off");
        await Task.Delay(1500);
        Assert.That(Receiver.ReceivedAt(path), Has.Count.EqualTo(1), "only the delivery answered 410 was sent");
        var (webhook, _) = await Admin.GetResourceAsync(uri);
        Assert.That(webhook["disabledReason"].Text(), Does.Contain("410"));
        var deliveries = await DeliveriesAsync(created.Id());
        Assert.That(deliveries.Select(d => d["status"].Text()), Is.EquivalentTo(new[] { "failed", "pending", "pending" }));
        var failed = deliveries.Single(d => d["status"].Text() == "failed");
        Assert.That(failed["attempts"]!.AsArray().Single()!["statusCode"]!.GetValue<int>(), Is.EqualTo(410));

        using var ping = await Admin.PostAsync($"{uri}/test", null);
        await ping.ProblemAsync(HttpStatusCode.Conflict);
        using var redeliver = await Admin.PostAsync($"{uri}/deliveries/{failed["eventId"]}/redeliver", null);
        await redeliver.ProblemAsync(HttpStatusCode.Conflict);
        await Task.Delay(500);
        Assert.That(Receiver.ReceivedAt(path), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Subscription_SwitchedOnAgainAfter410_ClearsTheReasonAndSendsWhatWaited()
    {
        var path = NewPath("revived");
        var created = await SubscribeAsync(path);
        var uri = $"{WebhooksPath}/{created.Id()}";
        Receiver.Answer = request => request.Path.StartsWith("/revived", StringComparison.Ordinal) ? 410 : 200;
        Receiver.Hold = TimeSpan.FromMilliseconds(300);
        await PingAsync(created.Id());
        await PingAsync(created.Id());
        await EventuallyAsync(async () => !(await Admin.GetResourceAsync(uri)).Body["active"]!.GetValue<bool>(), "the subscription is off");
        Receiver.Answer = null;

        using var response = await Admin.PatchJsonAsync(uri, new { active = true }, (await Admin.GetResourceAsync(uri)).ETag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["disabledReason"], Is.Null);
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the waiting delivery is sent");
    }
}
