using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>延期: POST/GET /api/v1/items/{id}/extensions and /extensions/{extensionId}/approve | /reject.</summary>
public sealed class ExtensionTests : ItemTest
{
    private static string ExtensionsUri(Guid itemId) => $"{ItemUri(itemId)}/extensions";

    private Task<Guid> ItemDueAsync(string dueDate) => NewItemIdAsync(body => body["dueDate"] = dueDate);

    private async Task<Guid> RequestAsync(Guid itemId, string requestedDueDate = "2026-06-30")
    {
        var answer = await Admin.PostExpectingAsync(ExtensionsUri(itemId),
            new { requestedDueDate, reason = "涉及土地报批，需延期至6月底" });
        return IdOf(answer["extension"]);
    }

    private async Task<JsonArray> ExtensionsAsync(Guid itemId)
    {
        using var response = await Admin.GetAsync(ExtensionsUri(itemId));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    [Test]
    public async Task RequestExtension_BeforeTheDeadline_Returns201PendingAndLeavesTheDueDate()
    {
        var itemId = await ItemDueAsync("2026-03-31");

        using var response = await Admin.PostAsJsonAsync(ExtensionsUri(itemId),
            new { requestedDueDate = "2026-06-30", reason = "涉及土地报批，需延期至6月底" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        var extension = (await response.BodyAsync())["extension"]!;
        Assert.That(extension["status"].Text(), Is.EqualTo("pending"));
        Assert.That(extension["requestedDueDate"].Text(), Is.EqualTo("2026-06-30"));
        Assert.That(extension["previousDueDate"].Text(), Is.EqualTo("2026-03-31"));
        Assert.That(extension["reason"].Text(), Is.EqualTo("涉及土地报批，需延期至6月底"));
        Assert.That(extension["decidedAt"], Is.Null);
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-03-31"));
    }

    [Test]
    public async Task RequestExtension_WhenOneIsPending_Returns409AndAddsNothing()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        await RequestAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(ExtensionsUri(itemId), new { requestedDueDate = "2026-09-30", reason = "再延期" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("extension_pending"));
        Assert.That(await ExtensionsAsync(itemId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ApproveExtension_MovesTheDueDateAndKeepsTheOriginal()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var extensionId = await RequestAsync(itemId);
        App.Clock.Now = Start.AddDays(1);

        var answer = await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{extensionId}/approve",
            new { reviewerName = "区整改办 赵主任", comment = "同意延期" }, HttpStatusCode.OK);

        Assert.That(answer["extension"]!["status"].Text(), Is.EqualTo("approved"));
        Assert.That(answer["extension"]!["reviewerName"].Text(), Is.EqualTo("区整改办 赵主任"));
        Assert.That(answer["extension"]!["comment"].Text(), Is.EqualTo("同意延期"));
        Assert.That(answer["extension"]!["decidedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddDays(1)));
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-06-30"));
        Assert.That(item["originalDueDate"].Text(), Is.EqualTo("2026-03-31"));
        Assert.That(item["dueInDays"]!.GetValue<int>(), Is.EqualTo(106));
    }

    [Test]
    public async Task ApproveExtension_OnAnOverdueLookingItem_JudgesItAgainstTheNewDate()
    {
        var itemId = await ItemDueAsync("2026-03-20");
        var extensionId = await RequestAsync(itemId);
        await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{extensionId}/approve", new { reviewerName = "赵主任" }, HttpStatusCode.OK);
        App.Clock.Now = Start.AddDays(10);

        var (item, _) = await Admin.GetItemAsync(itemId);

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["originalDueDate"].Text(), Is.EqualTo("2026-03-20"));
    }

    [Test]
    public async Task RejectExtension_LeavesTheDueDate()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var extensionId = await RequestAsync(itemId);

        var answer = await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{extensionId}/reject",
            new { reviewerName = "赵主任", comment = "理由不充分" }, HttpStatusCode.OK);

        Assert.That(answer["extension"]!["status"].Text(), Is.EqualTo("rejected"));
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-03-31"));
        Assert.That(item["originalDueDate"].Text(), Is.EqualTo("2026-03-31"));
    }

    [Test]
    public async Task RequestExtension_AfterARejection_IsAllowedAgain()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var rejected = await RequestAsync(itemId);
        await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{rejected}/reject", new { reviewerName = "赵主任" }, HttpStatusCode.OK);

        var second = await RequestAsync(itemId, "2026-04-30");

        Assert.That((await ExtensionsAsync(itemId)).Select(IdOf), Is.EqualTo(new[] { rejected, second }));
    }

    [Test]
    public async Task RequestExtension_AfterTheDeadline_Returns409DeadlinePassedAndAddsNothing()
    {
        var itemId = await ItemDueAsync("2026-03-20");
        App.Clock.Now = Start.AddDays(6); // 2026-03-21 in Shanghai

        using var response = await Admin.PostAsJsonAsync(ExtensionsUri(itemId), new { requestedDueDate = "2026-06-30", reason = "来不及" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("deadline_passed"));
        Assert.That(await ExtensionsAsync(itemId), Is.Empty);
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-03-20"));
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task RequestExtension_JustAfterMidnightInShanghaiAfterTheDueDate_Returns409DeadlinePassed()
    {
        var itemId = await ItemDueAsync("2026-03-15");
        App.Clock.Now = new DateTimeOffset(2026, 3, 15, 16, 30, 0, TimeSpan.Zero); // 2026-03-16 00:30 in Shanghai

        using var response = await Admin.PostAsJsonAsync(ExtensionsUri(itemId), new { requestedDueDate = "2026-06-30", reason = "来不及" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("deadline_passed"));
    }

    [Test]
    public async Task RequestExtension_OnTheDueDateItself_Returns201()
    {
        var itemId = await ItemDueAsync("2026-03-15");

        var extensionId = await RequestAsync(itemId);

        Assert.That((await ExtensionsAsync(itemId)).Select(IdOf), Is.EqualTo(new[] { extensionId }));
    }

    [Test]
    public async Task RequestExtension_ForADateNotLaterThanTheDueDate_Returns409()
    {
        var itemId = await ItemDueAsync("2026-03-31");

        using var response = await Admin.PostAsJsonAsync(ExtensionsUri(itemId), new { requestedDueDate = "2026-03-31", reason = "不变" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("extension_not_later"));
    }

    [TestCase("requestedDueDate")]
    [TestCase("reason")]
    public async Task RequestExtension_WhenFieldMissing_Returns400KeyedByField(string missing)
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var body = new JsonObject { ["requestedDueDate"] = "2026-06-30", ["reason"] = "需延期" };
        body.Remove(missing);

        using var response = await Admin.PostJsonAsync(ExtensionsUri(itemId), body);

        await response.ValidationProblemAsync(missing);
        Assert.That(await ExtensionsAsync(itemId), Is.Empty);
    }

    [TestCase("approve", "reject")]
    [TestCase("approve", "approve")]
    [TestCase("reject", "approve")]
    public async Task DecideExtension_Twice_Returns409AndKeepsTheFirstDecision(string first, string second)
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var extensionId = await RequestAsync(itemId);
        await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{extensionId}/{first}", new { reviewerName = "赵主任" }, HttpStatusCode.OK);
        var (before, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{ExtensionsUri(itemId)}/{extensionId}/{second}", new { reviewerName = "钱副主任" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("extension_decided"));
        var extension = (await ExtensionsAsync(itemId)).Single()!;
        Assert.That(extension["status"].Text(), Is.EqualTo(first == "approve" ? "approved" : "rejected"));
        Assert.That(extension["reviewerName"].Text(), Is.EqualTo("赵主任"));
        var (after, etagAfter) = await Admin.GetItemAsync(itemId);
        Assert.That(etagAfter, Is.EqualTo(etag));
        Assert.That(after["dueDate"].Text(), Is.EqualTo(before["dueDate"].Text()));
    }

    [Test]
    public async Task DecideExtension_WhenExtensionUnknown_Returns404()
    {
        var itemId = await ItemDueAsync("2026-03-31");

        using var response = await Reviewer.PostAsJsonAsync($"{ExtensionsUri(itemId)}/{Guid.NewGuid()}/approve", new { reviewerName = "赵主任" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DecideExtension_WhenExtensionBelongsToAnotherItem_Returns404AndLeavesItPending()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var otherItemId = await ItemDueAsync("2026-03-31");
        var othersExtension = await RequestAsync(otherItemId);

        using var response = await Reviewer.PostAsJsonAsync($"{ExtensionsUri(itemId)}/{othersExtension}/approve", new { reviewerName = "赵主任" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await ExtensionsAsync(otherItemId)).Single()!["status"].Text(), Is.EqualTo("pending"));
        Assert.That((await Admin.GetItemAsync(itemId)).Body["dueDate"].Text(), Is.EqualTo("2026-03-31"));
    }

    [Test]
    public async Task ListExtensions_ListsEveryRequestWithItsDecision()
    {
        var itemId = await ItemDueAsync("2026-03-31");
        var rejected = await RequestAsync(itemId, "2026-05-31");
        await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{rejected}/reject", new { reviewerName = "赵主任" }, HttpStatusCode.OK);
        var approved = await RequestAsync(itemId, "2026-04-30");
        await Reviewer.PostExpectingAsync($"{ExtensionsUri(itemId)}/{approved}/approve", new { reviewerName = "赵主任" }, HttpStatusCode.OK);

        var extensions = await ExtensionsAsync(itemId);

        Assert.That(extensions.Select(IdOf), Is.EqualTo(new[] { rejected, approved }));
        Assert.That(extensions.Select(e => e!["status"].Text()), Is.EqualTo(new[] { "rejected", "approved" }));
        Assert.That(extensions.Select(e => e!["requestedDueDate"].Text()), Is.EqualTo(new[] { "2026-05-31", "2026-04-30" }));
    }

    [Test]
    public async Task ListExtensions_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.GetAsync(ExtensionsUri(Guid.NewGuid()));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
