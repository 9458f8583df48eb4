using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// The dispatcher as deployed: real processes on one SQLite file. A process killed mid-delivery loses nothing, and two
/// processes never send one delivery at the same time.
/// </summary>
[NonParallelizable]
public sealed class DispatcherProcessTests
{
    /// <summary>Short leases, so a dead process's claims are taken over within seconds; sends still end well before them.</summary>
    private static readonly Dictionary<string, string> Settings = new(WebhookTest.QuickDispatch)
    {
        ["Webhooks:Timeout"] = "00:00:03",
        ["Webhooks:LeaseDuration"] = "00:00:05",
    };

    private WebhookReceiver _receiver = null!;
    private string _database = null!;

    [SetUp]
    public async Task StartReceiverAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _database = Path.Combine(Path.GetTempPath(), $"rectify-dispatch-{Guid.NewGuid():N}.db");
    }

    [TearDown]
    public async Task StopReceiverAsync()
    {
        await _receiver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_database + suffix);
        File.Delete(Path.ChangeExtension(_database, ".audit-key"));
    }

    private static async Task<List<string>> PingManyAsync(HttpClient client, Guid webhookId, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add((await client.PingAsync(webhookId))["eventId"]!.GetValue<Guid>().ToString("D"));
        return ids;
    }

    private IReadOnlySet<string> DeliveredIds(string path) =>
        _receiver.ReceivedAt(path).Where(r => r.AnsweredStatus == 200).Select(r => r.Id).ToHashSet();

    [Test]
    public async Task Dispatcher_KilledMidDelivery_AndRestartedOnTheSameFile_DeliversEveryEvent()
    {
        const string path = "killed";
        _receiver.Hold = TimeSpan.FromSeconds(1);
        var first = await ApiProcess.StartAsync(_database, Settings);
        List<string> eventIds;
        Guid webhookId;
        string secret;
        try
        {
            using var admin = first.Admin();
            var created = await admin.SubscribeAsync(_receiver.Url(path), ["item.created"]);
            (webhookId, secret) = (created.Id(), created.Secret());
            eventIds = await PingManyAsync(admin, webhookId, 10);
            await WebhookTest.EventuallyAsync(() => _receiver.Started > 0, "a delivery in flight");
        }
        finally
        {
            await first.KillAsync();
        }
        var deliveredBeforeKill = DeliveredIds(path).Count;

        await using var second = await ApiProcess.StartAsync(_database, Settings);
        using var client = second.Admin();
        await WebhookTest.EventuallyAsync(() => DeliveredIds(path).SetEquals(eventIds), "every event delivered after the restart", seconds: 45);

        Assert.That(deliveredBeforeKill, Is.LessThan(eventIds.Count), "the kill came while deliveries were outstanding");
        Assert.That(_receiver.ReceivedAt(path).Any(r => r.AnsweredStatus is null), Is.True, "a request was cut off by the kill");
        Assert.That(_receiver.ReceivedAt(path).All(r => WebhookSignature.Verify(secret, r.Id, r.Timestamp, r.Body, r.Signature)), Is.True);
        Assert.That(_receiver.Overlaps, Is.Empty);
        await WebhookTest.EventuallyAsync(async () => (await client.DeliveriesAsync(webhookId)).All(d => d["status"].Text() == "delivered"),
            "every delivery listed as delivered");
    }

    [Test]
    public async Task TwoProcessesOnOneFile_NeverSendOneDeliveryTwiceAtOnce_AndDeliverEverything()
    {
        const string path = "shared";
        _receiver.Hold = TimeSpan.FromMilliseconds(200);
        var tried = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        // The first attempt of each event fails, so retries fall due while both dispatchers are polling.
        _receiver.Answer = request => tried.AddOrUpdate(request.Id, 1, (_, n) => n + 1) == 1 ? 503 : 200;
        await using var first = await ApiProcess.StartAsync(_database, Settings);
        await using var second = await ApiProcess.StartAsync(_database, Settings);
        using var one = first.Admin();
        using var two = second.Admin();
        var created = await one.SubscribeAsync(_receiver.Url(path), ["item.created"]);

        var pings = await Task.WhenAll(PingManyAsync(one, created.Id(), 10), PingManyAsync(two, created.Id(), 10));
        var eventIds = pings.SelectMany(ids => ids).ToList();

        await WebhookTest.EventuallyAsync(() => DeliveredIds(path).SetEquals(eventIds), "every event delivered", seconds: 45);
        Assert.That(_receiver.Overlaps, Is.Empty, "no delivery was in flight twice at once");
        Assert.That(_receiver.ReceivedAt(path).All(r => WebhookSignature.Verify(created.Secret(), r.Id, r.Timestamp, r.Body, r.Signature)),
            Is.True);
        Assert.That(_receiver.MaxInFlightSeen, Is.GreaterThan(1), "deliveries were in flight side by side");
    }

    [Test]
    public async Task Receiver_WhenOneDeliveryIsInFlightTwiceAtOnce_ReportsTheOverlap()
    {
        _receiver.Hold = TimeSpan.FromMilliseconds(500);
        using var client = new HttpClient();
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _receiver.Url("twice")) { Content = new StringContent("{}") };
            request.Headers.Add("webhook-id", "same");
            return request;
        }

        await Task.WhenAll(client.SendAsync(Request()), client.SendAsync(Request()));

        Assert.That(_receiver.Overlaps, Is.EqualTo(new[] { "/twice same" }));
    }
}
