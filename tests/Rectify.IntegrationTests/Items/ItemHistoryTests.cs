using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>GET /api/v1/items/{id}/history: the item's hash-chained audit trail, and GET /api/v1/audit/verify.</summary>
public sealed class ItemHistoryTests : ItemTest
{
    private const string ActorName = "test read+write+report+review";

    private static JsonNode Change(JsonObject auditEvent, string field) =>
        auditEvent["changes"]!.AsArray().SingleOrDefault(c => c!["field"].Text() == field)
        ?? throw new AssertionException($"The {auditEvent["action"]} event has no change of '{field}': {auditEvent.ToJsonString()}");

    private async Task<JsonObject> VerifyAsync()
    {
        using var response = await Admin.GetAsync("/api/v1/audit/verify");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    [Test]
    public async Task GetItemHistory_AfterSeveralChanges_ListsEachActionInOrderWithActorAndOldAndNewValues()
    {
        using var client = await App.WithScopesAsync(["read", "write", "report", "review"]);
        using var reviewer = await App.WithScopesAsync(["read", "review"]);
        var item = await NewItemAsync(client: client);
        var itemId = IdOf(item);
        App.Clock.Now = Start.AddMinutes(1);
        var measureId = await client.AddMeasureAsync(itemId, "完成沿河截污管网建设");
        App.Clock.Now = Start.AddMinutes(2);
        await client.ReportProgressAsync(itemId, "in_progress", scheduleStatus: "behind");
        App.Clock.Now = Start.AddMinutes(3);
        using (var response = await client.PatchJsonAsync(ItemUri(itemId), new { title = "城区雨污混流问题", description = (string?)null }, "*"))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        App.Clock.Now = Start.AddMinutes(4);
        await client.ImplementMeasureAsync(itemId, measureId);
        App.Clock.Now = Start.AddMinutes(5);
        await client.ReportProgressAsync(itemId, "completed");
        App.Clock.Now = Start.AddMinutes(6);
        await client.RequestSignOffAsync(itemId);
        App.Clock.Now = Start.AddMinutes(7);
        await reviewer.ApproveSignOffAsync(itemId, "张科长", "属实", "区验〔2026〕3号");

        var history = await client.HistoryAsync(itemId);

        Assert.That(history.Select(e => e["action"].Text()), Is.EqualTo(new[]
        {
            "created", "measure_added", "progress_reported", "updated", "measure_updated", "progress_reported", "completed",
            "sign_off_requested", "sign_off_approved",
        }));
        Assert.That(history.Select(e => e["actorName"].Text()),
            Is.EqualTo(Enumerable.Repeat(ActorName, 8).Append("test read+review")));
        Assert.That(history.Select(e => e["entityId"]!.GetValue<Guid>()), Is.All.EqualTo(itemId));
        Assert.That(history.Select(e => e["occurredAt"]!.GetValue<DateTimeOffset>()),
            Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 5, 6, 7 }.Select(i => Start.AddMinutes(i))));

        Assert.That(Change(history[0], "code")["new"].Text(), Is.EqualTo(item["code"].Text()));
        Assert.That(Change(history[1], "measure.description")["new"].Text(), Is.EqualTo("完成沿河截污管网建设"));
        Assert.That(Change(history[1], "measures")["new"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
        var progress = Change(history[2], "progressStatus");
        Assert.That(progress["old"].Text(), Is.EqualTo("not_started"));
        Assert.That(progress["new"].Text(), Is.EqualTo("in_progress"));
        Assert.That(Change(history[2], "scheduleStatus")["new"].Text(), Is.EqualTo("behind"));
        var title = Change(history[3], "title");
        Assert.That(title["old"].Text(), Is.EqualTo("城区雨污混流管网改造不到位"));
        Assert.That(title["new"].Text(), Is.EqualTo("城区雨污混流问题"));
        var description = Change(history[3], "description");
        Assert.That(description["old"].Text(), Is.EqualTo("城区部分路段雨污混流，污水直排入河。"));
        Assert.That(description["new"], Is.Null);
        Assert.That(history[3]["changes"]!.AsArray().Select(c => c!["field"].Text()), Is.EquivalentTo(new[] { "title", "description" }));
        var implemented = Change(history[4], "measure.implemented");
        Assert.That(implemented["old"]!.GetValue<bool>(), Is.False);
        Assert.That(implemented["new"]!.GetValue<bool>(), Is.True);
        Assert.That(Change(history[5], "progressStatus")["new"].Text(), Is.EqualTo("completed"));
        Assert.That(Change(history[6], "completedAt")["new"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddMinutes(5)));
        Assert.That(history[6]["changes"]!.AsArray().Select(c => c!["field"].Text()), Is.EqualTo(new[] { "completedAt" }));
        Assert.That(Change(history[7], "signOffStatus")["new"].Text(), Is.EqualTo("requested"));
        Assert.That(Change(history[8], "review.reviewerName")["new"].Text(), Is.EqualTo("张科长"));
        Assert.That(Change(history[8], "review.step")["new"].Text(), Is.EqualTo("区级验收"));
        Assert.That(Change(history[8], "signOffStep")["new"].Text(), Is.EqualTo("媒体公示"));
    }

    [Test]
    public async Task GetItemHistory_AfterExtensionAndRecurrence_ListsThoseActions()
    {
        var itemId = await NewItemIdAsync(body => body["dueDate"] = "2026-03-31");
        var extension = await Admin.PostExpectingAsync($"{ItemUri(itemId)}/extensions", new { requestedDueDate = "2026-06-30", reason = "土地报批" });
        await Reviewer.PostExpectingAsync($"{ItemUri(itemId)}/extensions/{IdOf(extension["extension"])}/approve",
            new { reviewerName = "赵主任" }, HttpStatusCode.OK);
        await Admin.ReportProgressAsync(itemId, "completed");
        await Admin.PostExpectingAsync($"{ItemUri(itemId)}/recurrences",
            new { detectedOn = "2026-03-15", detectedBy = "执法支队", description = "再次发现", newDueDate = "2026-09-30" });

        var history = await Admin.HistoryAsync(itemId);

        Assert.That(history.Select(e => e["action"].Text()), Is.EqualTo(new[]
        {
            "created", "extension_requested", "extension_approved", "progress_reported", "completed", "recurrence_recorded",
        }));
        var moved = Change(history[2], "dueDate");
        Assert.That(moved["old"].Text(), Is.EqualTo("2026-03-31"));
        Assert.That(moved["new"].Text(), Is.EqualTo("2026-06-30"));
        Assert.That(Change(history[5], "recurrenceCount")["new"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Change(history[5], "dueDate")["new"].Text(), Is.EqualTo("2026-09-30"));
    }

    [Test]
    public async Task GetItemHistory_WithLimit1_PagesThroughEveryEventOnce()
    {
        var itemId = await NewItemIdAsync();
        await Admin.AddMeasureAsync(itemId);
        await Admin.ReportProgressAsync(itemId, "in_progress");
        var actions = new List<string>();
        string? cursor = null;

        do
        {
            var page = await Admin.GetListAsync($"{ItemUri(itemId)}/history?limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            actions.AddRange(page["items"]!.AsArray().Select(e => e!["action"].Text()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && actions.Count < 10);

        Assert.That(actions, Is.EqualTo(new[] { "created", "measure_added", "progress_reported" }));
    }

    [Test]
    public async Task GetItemHistory_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.GetAsync($"{ItemUri(Guid.NewGuid())}/history");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task VerifyAuditTrail_AfterItemLifecycle_IsIntactAndCountsEveryItemEvent()
    {
        var checkedBefore = (await VerifyAsync())["eventsChecked"]!.GetValue<long>();
        var itemId = await NewItemIdAsync();
        await Admin.AddMeasureAsync(itemId);
        await Admin.SignOffAsync(Reviewer, itemId);

        var verification = await VerifyAsync();

        var events = (await Admin.HistoryAsync(itemId)).Count;
        // created, measure_added, measure_updated, progress_reported, completed, sign_off_requested,
        // one sign_off_approved a step, signed_off
        Assert.That(events, Is.EqualTo(6 + Steps.Length + 1));
        Assert.That((await Admin.ActionsAsync(itemId)).TakeLast(2), Is.EqualTo(new[] { "sign_off_approved", "signed_off" }));
        Assert.That(verification["intact"]!.GetValue<bool>(), Is.True, verification.ToJsonString());
        Assert.That(verification["eventsChecked"]!.GetValue<long>(), Is.EqualTo(checkedBefore + events));
        Assert.That(verification["firstBrokenLink"], Is.Null);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenARequestFails_WritesNoEvent()
    {
        var itemId = await NewItemIdAsync();
        var checkedBefore = (await VerifyAsync())["eventsChecked"]!.GetValue<long>();

        using (var response = await Admin.PatchJsonAsync(ItemUri(itemId), new { title = "" }, "\"1\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var response = await Admin.PatchJsonAsync(ItemUri(itemId), new { title = "新标题" }, "\"7\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));

        Assert.That((await VerifyAsync())["eventsChecked"]!.GetValue<long>(), Is.EqualTo(checkedBefore));
    }
}
