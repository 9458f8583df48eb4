using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.Application.Webhooks;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// Item changes reach subscribers: the save path writes them to the outbox in the change's own transaction, and the
/// dispatcher delivers them. These need the item save path that calls <see cref="IWebhookOutbox"/>.
/// </summary>
public sealed class ItemEventDeliveryTests : WebhookTest
{
    private Guid _inspectionId;

    [OneTimeSetUp]
    public async Task ArrangeInspectionAsync() =>
        _inspectionId = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("中央第三生态环境保护督察组反馈问题"));

    private async Task<Guid> CreateItemAsync(Guid leadUnitId, Action<JsonObject>? change = null)
    {
        var body = ItemApi.ItemBody(_inspectionId, leadUnitId, "W" + Guid.NewGuid().ToString("N")[..8]);
        change?.Invoke(body);
        return ItemApi.IdOf(await Admin.CreateItemAsync(body));
    }

    private static Guid ItemIdOf(ReceivedWebhook request) => JsonNode.Parse(request.Body)!["data"]!["item"]!["id"]!.GetValue<Guid>();

    private static string TypeOf(ReceivedWebhook request) => JsonNode.Parse(request.Body)!["type"].Text();

    [Test]
    public async Task TwentyItemChanges_WhileTheReceiverAnswers503_AllArriveSignedWithIdsStableAcrossRetries()
    {
        var path = NewPath("items");
        var created = await SubscribeAsync(path, WebhookEventTypes.Subscribable.ToArray());
        var unitId = await Admin.CreateUnitAsync("区住房和城乡建设局");
        Receiver.Status = 503;

        var items = new List<Guid>();
        for (var i = 0; i < 5; i++)
            items.Add(await CreateItemAsync(unitId));
        for (var i = 0; i < 15; i++)
            await Admin.ReportProgressAsync(items[i % 5], "in_progress", $"2026-03-{1 + i:00}");
        var enqueued = (await DeliveriesAsync(created.Id())).Select(d => d["eventId"]!.GetValue<Guid>().ToString("D")).ToList();
        Assert.That(enqueued, Has.Count.GreaterThanOrEqualTo(20), "every change wrote its events to the outbox");
        await EventuallyAsync(() => Receiver.ReceivedAt(path).Select(r => r.Id).Distinct().Count() == enqueued.Count,
            "every event tried while the receiver fails");
        Receiver.Status = 200;

        await EventuallyAsync(() => Receiver.ReceivedAt(path).Where(r => r.AnsweredStatus == 200).Select(r => r.Id).ToHashSet().SetEquals(enqueued),
            "every event delivered", seconds: 45);
        var requests = Receiver.ReceivedAt(path);
        Assert.That(requests.All(r => WebhookSignature.Verify(created.Secret(), r.Id, r.Timestamp, r.Body, r.Signature)), Is.True);
        Assert.That(requests.GroupBy(r => r.Id).All(attempts => attempts.Select(r => r.Body).Distinct().Count() == 1), Is.True,
            "every retry of an event sends the same body under the same webhook-id");
        var firstOfEach = requests.GroupBy(r => r.Id).Select(attempts => attempts.First()).ToList();
        Assert.That(firstOfEach.Count(r => TypeOf(r) == "item.created"), Is.EqualTo(5));
        Assert.That(firstOfEach.Count(r => TypeOf(r) == "item.progress_reported"), Is.EqualTo(15));
        Assert.That(firstOfEach.Select(ItemIdOf).Distinct(), Is.EquivalentTo(items));
        Assert.That(Receiver.Overlaps, Is.Empty);
    }

    [Test]
    public async Task UnitSubscription_ReceivesOnlyEventsOfItemsWhereItsUnitOrOneBelowHoldsARole()
    {
        var parent = await Admin.CreateUnitAsync("某某镇人民政府", kind: "township");
        var child = await Admin.CreateUnitAsync("某某镇环保所", parentId: parent, kind: "other");
        var other = await Admin.CreateUnitAsync("区交通运输局");
        var (unitPath, everyPath) = (NewPath("unit"), NewPath("every"));
        var bound = await SubscribeAsync(unitPath, ["item.created"], unitId: parent);
        await SubscribeAsync(everyPath, ["item.created"]);

        var ledByChild = await CreateItemAsync(child);
        var ledByOther = await CreateItemAsync(other);
        var childCooperates = await CreateItemAsync(other, body => body["units"] = new JsonArray(
            new JsonObject { ["unitId"] = child, ["role"] = "cooperating" }));
        var ledByParent = await CreateItemAsync(parent);

        await EventuallyAsync(() => Receiver.ReceivedAt(everyPath).Count(r => r.AnsweredStatus == 200) == 4,
            "the unbound subscription receives all four items");
        await EventuallyAsync(() => Receiver.ReceivedAt(unitPath).Count(r => r.AnsweredStatus == 200) == 3,
            "the unit's subscription receives its three");
        await Task.Delay(500);
        Assert.That(Receiver.ReceivedAt(unitPath).Select(ItemIdOf), Is.EquivalentTo(new[] { ledByChild, childCooperates, ledByParent }));
        Assert.That(Receiver.ReceivedAt(unitPath).Select(ItemIdOf), Does.Not.Contain(ledByOther));
        Assert.That(await DeliveriesAsync(bound.Id()), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task ItemCreated_Payload_CarriesTheItemAsGetShowsIt()
    {
        var path = NewPath("payload");
        var created = await SubscribeAsync(path, ["item.created"]);

        var itemId = await CreateItemAsync(await Admin.CreateUnitAsync("区生态环境局"));

        await EventuallyAsync(() => Receiver.ReceivedAt(path).Any(r => r.AnsweredStatus == 200), "the item.created event");
        var request = Receiver.ReceivedAt(path).Single();
        var body = JsonNode.Parse(request.Body)!.AsObject();
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(body["type"].Text(), Is.EqualTo("item.created"));
        Assert.That(body["timestamp"], Is.Not.Null);
        Assert.That(JsonNode.DeepEquals(body["data"]!["item"], item), Is.True,
            $"data.item:\n{body["data"]!["item"]}\nGET:\n{item}");
        Assert.That(request.Id, Is.EqualTo((await DeliveriesAsync(created.Id())).Single()["eventId"]!.GetValue<Guid>().ToString("D")));
        Assert.That(WebhookSignature.Verify(created.Secret(), request.Id, request.Timestamp, request.Body, request.Signature), Is.True);
    }

    [Test]
    public async Task UpsertByRef_IdenticalPut_WritesNoOutboxRow()
    {
        var webhookId = (await SubscribeAsync(NewPath("upsert"), ["item.created", "item.updated"]))["id"]!.GetValue<Guid>();
        var body = ItemApi.ItemBody(_inspectionId, await Admin.CreateUnitAsync("区水利局"), "U" + Guid.NewGuid().ToString("N")[..8]);
        var uri = $"{ItemApi.ItemsPath}/by-ref/city-platform/{Guid.NewGuid():N}";
        using (var created = await Admin.PutAsJsonAsync(uri, body))
            Assert.That(created.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created));
        using (var identical = await Admin.PutAsJsonAsync(uri, body))
            Assert.That(identical.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        body["title"] = "市平台更新了标题";

        using (var changed = await Admin.PutAsJsonAsync(uri, body))
            Assert.That(changed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));

        // Outbox rows are written in the change's own transaction: they all exist once the answers came back.
        var deliveries = await DeliveriesAsync(webhookId);
        Assert.That(deliveries.Select(d => d["eventType"].Text()).Reverse(), Is.EqualTo(new[] { "item.created", "item.updated" }));
    }
}
