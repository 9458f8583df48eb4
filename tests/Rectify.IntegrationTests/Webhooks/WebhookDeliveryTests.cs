using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// Delivery through the outbox, driven by the test event (ping): signed per Standard Webhooks, retried with the same
/// webhook-id until the receiver takes it, every attempt listed, redeliverable.
/// </summary>
public sealed class WebhookDeliveryTests : WebhookTest
{
    private static bool Verifies(ReceivedWebhook request, string secret) =>
        WebhookSignature.Verify(secret, request.Id, request.Timestamp, request.Body, request.Signature);

    [Test]
    public async Task TestWebhook_WhenTheReceiverAnswers200_DeliversASignedPing()
    {
        var path = NewPath("ping");
        var created = await SubscribeAsync(path);

        var delivery = await PingAsync(created.Id());

        var eventId = delivery["eventId"]!.GetValue<Guid>();
        Assert.That(delivery["eventType"].Text(), Is.EqualTo("ping"));
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the ping arrives");
        var request = Receiver.ReceivedAt(path).Single();
        Assert.That(request.Id, Is.EqualTo(eventId.ToString("D")));
        Assert.That(request.ContentType, Is.EqualTo("application/json"));
        Assert.That(long.Parse(request.Timestamp), Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(60));
        Assert.That(request.Signature, Does.StartWith("v1,"));
        Assert.That(Verifies(request, created.Secret()), Is.True, "the signature verifies with the subscription's secret");
        Assert.That(Verifies(request with { Body = request.Body + " " }, created.Secret()), Is.False, "a changed body does not verify");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.That(body["type"].Text(), Is.EqualTo("ping"));
        Assert.That(DateTimeOffset.Parse(body["timestamp"].Text()), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(body["data"]!["subscriptionId"]!.GetValue<Guid>(), Is.EqualTo(created.Id()));

        await EventuallyAsync(async () => (await DeliveriesAsync(created.Id())).Single()["status"].Text() == "delivered",
            "the delivery is listed as delivered");
        var listed = (await DeliveriesAsync(created.Id())).Single();
        Assert.That(listed["eventId"]!.GetValue<Guid>(), Is.EqualTo(eventId));
        Assert.That(listed["deliveredAt"], Is.Not.Null);
        Assert.That(listed["nextAttemptAt"], Is.Null);
        var attempt = listed["attempts"]!.AsArray().Single()!;
        Assert.That(attempt["statusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(attempt["error"], Is.Null);
    }

    [Test]
    public async Task TestWebhook_GoesOnlyToThatSubscription()
    {
        var (one, other) = (NewPath("one"), NewPath("other"));
        var first = await SubscribeAsync(one);
        await SubscribeAsync(other);

        await PingAsync(first.Id());

        await EventuallyAsync(() => Receiver.ReceivedAt(one).Count == 1, "the ping arrives");
        await Task.Delay(500);
        Assert.That(Receiver.ReceivedAt(other), Is.Empty);
    }

    [Test]
    public async Task Deliveries_WhileTheReceiverFails_AreRetriedWithTheSameIdUntilTaken_AndEveryAttemptIsListed()
    {
        var path = NewPath("retry");
        var created = await SubscribeAsync(path);
        Receiver.Status = 503;

        var eventId = (await PingAsync(created.Id()))["eventId"]!.GetValue<Guid>();
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Count >= 3, "three failed attempts");
        Receiver.Status = 200;
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the retry that succeeds");

        var requests = Receiver.ReceivedAt(path);
        Assert.That(requests.Select(r => r.Id), Is.All.EqualTo(eventId.ToString("D")));
        Assert.That(requests.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "every retry sends the same bytes");
        Assert.That(requests.All(r => Verifies(r, created.Secret())), Is.True);
        await EventuallyAsync(async () => (await DeliveriesAsync(created.Id())).Single()["status"].Text() == "delivered", "listed delivered");
        var attempts = (await DeliveriesAsync(created.Id())).Single()["attempts"]!.AsArray();
        Assert.That(attempts.Select(a => a!["statusCode"]!.GetValue<int>()).ToList(),
            Is.EqualTo(requests.Select(r => r.AnsweredStatus!.Value).ToList()));
        Assert.That(attempts.Take(attempts.Count - 1).Select(a => a!["error"].Text()), Is.All.Contains("503"));
    }

    [Test]
    public async Task Deliveries_WhileTheReceiverIsDown_RecordTheConnectionErrorAndArriveOnceItIsBack()
    {
        var path = NewPath("down");
        var created = await SubscribeAsync(path);
        await Receiver.StopAsync();
        try
        {
            await PingAsync(created.Id());
            await EventuallyAsync(async () => (await DeliveriesAsync(created.Id())).Single()["attempts"]!.AsArray().Count >= 2,
                "two refused attempts");
        }
        finally
        {
            await Receiver.StartAgainAsync();
        }

        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the delivery once the receiver is back");
        await EventuallyAsync(async () => (await DeliveriesAsync(created.Id())).Single()["status"].Text() == "delivered", "listed delivered");
        var attempts = (await DeliveriesAsync(created.Id())).Single()["attempts"]!.AsArray();
        Assert.That(attempts[0]!["statusCode"], Is.Null);
        Assert.That(attempts[0]!["error"].Text(), Does.Contain("refused").IgnoreCase);
        Assert.That(attempts[^1]!["statusCode"]!.GetValue<int>(), Is.EqualTo(200));
    }

    [Test]
    public async Task TwentyEvents_WhileTheReceiverAnswers503_AllArriveSignedWithIdsStableAcrossRetries()
    {
        var path = NewPath("twenty");
        var created = await SubscribeAsync(path);
        Receiver.Status = 503;

        var eventIds = new List<string>();
        for (var i = 0; i < 20; i++)
            eventIds.Add((await PingAsync(created.Id()))["eventId"]!.GetValue<Guid>().ToString("D"));
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Select(r => r.Id).Distinct().Count() == 20, "every event tried at least once");
        Receiver.Status = 200;
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Where(r => r.AnsweredStatus == 200).Select(r => r.Id).Distinct().Count() == 20,
            "every event delivered", seconds: 45);

        var requests = Receiver.ReceivedAt(path);
        Assert.That(requests.Select(r => r.Id).Distinct(), Is.EquivalentTo(eventIds));
        Assert.That(requests.All(r => Verifies(r, created.Secret())), Is.True, "every request verifies");
        foreach (var attemptsOfOne in requests.GroupBy(r => r.Id))
        {
            Assert.That(attemptsOfOne.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "one body per event");
            Assert.That(JsonNode.Parse(attemptsOfOne.First().Body)!["type"].Text(), Is.EqualTo("ping"));
        }
        Assert.That(requests.Count(r => r.AnsweredStatus == 503), Is.GreaterThanOrEqualTo(20), "the failed attempts kept their ids");
        Assert.That(Receiver.Overlaps, Is.Empty);
    }

    [Test]
    public async Task Redeliver_ADeliveredEvent_SendsItAgainWithTheSameIdAndBody()
    {
        var path = NewPath("again");
        var created = await SubscribeAsync(path);
        var eventId = (await PingAsync(created.Id()))["eventId"]!.GetValue<Guid>();
        await EventuallyAsync(async () => (await DeliveriesAsync(created.Id())).Single()["status"].Text() == "delivered", "delivered once");

        using var response = await Admin.PostAsync($"{WebhooksPath}/{created.Id()}/deliveries/{eventId}/redeliver", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["status"].Text(), Is.EqualTo("pending"));
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Count(r => r.AnsweredStatus == 200) == 2, "delivered twice");
        var requests = Receiver.ReceivedAt(path);
        Assert.That(requests.Select(r => r.Id), Is.All.EqualTo(eventId.ToString("D")));
        Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body));
        Assert.That(Verifies(requests[1], created.Secret()), Is.True);
    }

    [Test]
    public async Task Redeliver_WhileTheEventIsInFlight_SendsItAgainOnceTheLeaseEndsAndNeverTwiceAtOnce()
    {
        var path = NewPath("inflight");
        var created = await SubscribeAsync(path);
        Receiver.Hold = TimeSpan.FromSeconds(2);
        var startedBefore = Receiver.Started;
        var eventId = (await PingAsync(created.Id()))["eventId"]!.GetValue<Guid>();
        await EventuallyAsync(() => Receiver.Started > startedBefore, "the first attempt is in flight");

        using var response = await Admin.PostAsync($"{WebhooksPath}/{created.Id()}/deliveries/{eventId}/redeliver", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Receiver.Hold = TimeSpan.Zero;
        // The attempt in flight answers 200, but the redelivery asked for after it started is not lost with it.
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Count(r => r.AnsweredStatus == 200) == 2, "delivered again", 40);
        Assert.That(Receiver.ReceivedAt(path).Select(r => r.Id), Is.All.EqualTo(eventId.ToString("D")));
        Assert.That(Receiver.Overlaps, Is.Empty, "never in flight twice at once");
    }

    [Test]
    public async Task Redeliver_AnUnknownEvent_Returns404()
    {
        var created = await SubscribeAsync(NewPath());

        using var response = await Admin.PostAsync($"{WebhooksPath}/{created.Id()}/deliveries/{Guid.NewGuid()}/redeliver", null);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ListDeliveries_PagesNewestFirst()
    {
        var created = await SubscribeAsync(NewPath("pages"));
        var eventIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
            eventIds.Add((await PingAsync(created.Id()))["eventId"]!.GetValue<Guid>());

        var first = await Admin.GetListAsync($"{WebhooksPath}/{created.Id()}/deliveries?limit=2");
        var second = await Admin.GetListAsync($"{WebhooksPath}/{created.Id()}/deliveries?limit=2&cursor={first["nextCursor"].Text()}");

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(d => d!["eventId"]!.GetValue<Guid>());
        Assert.That(listed, Is.EqualTo(Enumerable.Reverse(eventIds)));
        Assert.That(second["nextCursor"], Is.Null);
    }

    [Test]
    public async Task ListDeliveries_OfAnUnknownSubscription_Returns404()
    {
        using var response = await Admin.GetAsync($"{WebhooksPath}/{Guid.NewGuid()}/deliveries");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DeleteWebhook_WithDeliveries_RemovesThemAndSendsNothingMore()
    {
        var path = NewPath("deleted");
        var created = await SubscribeAsync(path);
        Receiver.Status = 503;
        await PingAsync(created.Id());
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Count >= 1, "a failed attempt");

        using var response = await Admin.DeleteAsync($"{WebhooksPath}/{created.Id()}", "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var seen = Receiver.ReceivedAt(path).Count;
        Receiver.Status = 200;
        await Task.Delay(1500);
        Assert.That(Receiver.ReceivedAt(path).Count, Is.LessThanOrEqualTo(seen + 1), "at most the attempt already in flight");
        Assert.That(Receiver.ReceivedAt(path).Count(r => r.AnsweredStatus == 200), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task Dispatcher_WhenTheDatabaseFailsForAWhile_KeepsRunningAndDeliversAfterwards()
    {
        var path = NewPath("dberror");
        var created = await SubscribeAsync(path);
        Receiver.Status = 503;
        await PingAsync(created.Id());
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Count >= 1, "a failed attempt");

        await using (var connection = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await Execute(connection, "ALTER TABLE WebhookDeliveries RENAME TO WebhookDeliveriesAway");
            Receiver.Status = 200;
            await Task.Delay(1000); // several dispatch rounds fail: "no such table"
            await Execute(connection, "ALTER TABLE WebhookDeliveriesAway RENAME TO WebhookDeliveries");
        }

        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the delivery once the table is back");
        using var health = await Admin.GetAsync("/health/live");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
