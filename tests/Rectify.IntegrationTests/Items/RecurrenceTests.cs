using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>反弹 / 死灰复燃: POST/GET /api/v1/items/{id}/recurrences reopen a completed or signed-off item.</summary>
public sealed class RecurrenceTests : ItemTest
{
    private static string RecurrencesUri(Guid itemId) => $"{ItemUri(itemId)}/recurrences";

    private static object Recurrence(string newDueDate = "2026-09-30") => new
    {
        detectedOn = "2026-03-15",
        detectedBy = "市生态环境局执法支队",
        description = "回头看发现该路段再次出现雨污混流",
        newDueDate,
    };

    private async Task<JsonArray> RecurrencesAsync(Guid itemId)
    {
        using var response = await Admin.GetAsync(RecurrencesUri(itemId));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    [Test]
    public async Task RecordRecurrence_OnASignedOffItem_ReopensItAndKeepsTheSignOffTrail()
    {
        var itemId = await NewItemIdAsync();
        await Admin.AddMeasureAsync(itemId);
        await Admin.SignOffAsync(Reviewer, itemId);
        var (before, _) = await Admin.GetItemAsync(itemId);
        var trailBefore = await Admin.GetListAsync($"{ItemUri(itemId)}/sign-off");
        App.Clock.Now = Start.AddDays(1);

        using var response = await Admin.PostAsJsonAsync(RecurrencesUri(itemId), Recurrence());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(RecurrencesUri(itemId)));
        var answer = await response.BodyAsync();
        Assert.That(answer["recurrence"]!["previousSignOff"].Text(), Is.EqualTo("signed_off"));
        Assert.That(answer["recurrence"]!["detectedBy"].Text(), Is.EqualTo("市生态环境局执法支队"));
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(response.ETag(), Is.EqualTo(etag));
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("in_progress"));
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("none"));
        Assert.That(item["signOffStep"], Is.Null);
        Assert.That(item["signedOffAt"], Is.Null);
        Assert.That(item["completedAt"], Is.Null);
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-09-30"));
        Assert.That(item["originalDueDate"].Text(), Is.EqualTo(before["originalDueDate"].Text()));
        Assert.That(item["recurrenceCount"]!.GetValue<int>(), Is.EqualTo(1));
        var trail = await Admin.GetListAsync($"{ItemUri(itemId)}/sign-off");
        Assert.That(trail["status"].Text(), Is.EqualTo("none"));
        Assert.That(trail["signedOffAt"], Is.Null);
        Assert.That(JsonNode.DeepEquals(trail["reviews"], trailBefore["reviews"]), Is.True, trail.ToJsonString());
        Assert.That(trail["reviews"]!.AsArray(), Has.Count.EqualTo(Steps.Length));
        Assert.That(trail["requests"]!.AsArray().Select(r => r!["status"].Text()), Is.EqualTo(new[] { "approved" }));
    }

    [Test]
    public async Task RecordRecurrence_OnACompletedItemUnderReview_ReopensItAndClosesThePendingRequest()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        await Admin.RequestSignOffAsync(itemId);

        await Admin.PostExpectingAsync(RecurrencesUri(itemId), Recurrence());

        var trail = await Admin.GetListAsync($"{ItemUri(itemId)}/sign-off");
        Assert.That(trail["status"].Text(), Is.EqualTo("none"));
        Assert.That(trail["pendingStep"], Is.Null);
        Assert.That(trail["requests"]!.AsArray().Select(r => r!["status"].Text()), Is.EqualTo(new[] { "returned" }));
    }

    [Test]
    public async Task RecordRecurrence_ThenCompletedAndSignedOffAgain_CountsOneRecurrenceAndKeepsBothRounds()
    {
        var itemId = await NewItemIdAsync();
        await Admin.SignOffAsync(Reviewer, itemId);
        await Admin.PostExpectingAsync(RecurrencesUri(itemId), Recurrence());

        await Admin.SignOffAsync(Reviewer, itemId);

        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("signed_off"));
        Assert.That(item["recurrenceCount"]!.GetValue<int>(), Is.EqualTo(1));
        var trail = await Admin.GetListAsync($"{ItemUri(itemId)}/sign-off");
        Assert.That(trail["requests"]!.AsArray().Select(r => r!["round"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(trail["reviews"]!.AsArray(), Has.Count.EqualTo(2 * Steps.Length));
    }

    [Test]
    public async Task RecordRecurrence_OnAnInProgressItem_Returns409AndChangesNothing()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "in_progress");
        var (before, etag) = await Admin.GetItemAsync(itemId);
        var history = await Admin.ActionsAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(RecurrencesUri(itemId), Recurrence());

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("not_completed"));
        var (after, etagAfter) = await Admin.GetItemAsync(itemId);
        Assert.That(etagAfter, Is.EqualTo(etag));
        Assert.That(after["dueDate"].Text(), Is.EqualTo(before["dueDate"].Text()));
        Assert.That(after["recurrenceCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(await RecurrencesAsync(itemId), Is.Empty);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(history));
    }

    [Test]
    public async Task RecordRecurrence_WhenNewDueDateBeforeDetection_Returns400KeyedNewDueDate()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(RecurrencesUri(itemId), Recurrence("2026-03-01"));

        await response.ValidationProblemAsync("newDueDate");
        Assert.That((await Admin.GetItemAsync(itemId)).Body["progressStatus"].Text(), Is.EqualTo("completed"));
    }

    [TestCase("detectedOn")]
    [TestCase("detectedBy")]
    [TestCase("description")]
    [TestCase("newDueDate")]
    public async Task RecordRecurrence_WhenFieldMissing_Returns400KeyedByField(string missing)
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        var body = new JsonObject
        {
            ["detectedOn"] = "2026-03-15", ["detectedBy"] = "执法支队", ["description"] = "再次发现", ["newDueDate"] = "2026-09-30",
        };
        body.Remove(missing);

        using var response = await Admin.PostJsonAsync(RecurrencesUri(itemId), body);

        await response.ValidationProblemAsync(missing);
        Assert.That(await RecurrencesAsync(itemId), Is.Empty);
    }

    [Test]
    public async Task ListRecurrences_ListsTheRecordedOnes()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        await Admin.PostExpectingAsync(RecurrencesUri(itemId), Recurrence());

        var recurrences = await RecurrencesAsync(itemId);

        Assert.That(recurrences, Has.Count.EqualTo(1));
        Assert.That(recurrences[0]!["detectedOn"].Text(), Is.EqualTo("2026-03-15"));
        Assert.That(recurrences[0]!["description"].Text(), Is.EqualTo("回头看发现该路段再次出现雨污混流"));
        Assert.That(recurrences[0]!["newDueDate"].Text(), Is.EqualTo("2026-09-30"));
        Assert.That(recurrences[0]!["previousSignOff"].Text(), Is.EqualTo("none"));
    }

    [Test]
    public async Task RecordRecurrence_WithoutReviewScope_Returns403()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        using var reporter = await App.WithScopesAsync(["read", "write", "report"]);

        using var response = await reporter.PostAsJsonAsync(RecurrencesUri(itemId), Recurrence());

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await Admin.GetItemAsync(itemId)).Body["progressStatus"].Text(), Is.EqualTo("completed"));
    }
}
