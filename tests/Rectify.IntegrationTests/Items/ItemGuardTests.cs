using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>Guards a code review asked for: inputs that used to slip through, and changes that bypassed a rule.</summary>
public sealed class ItemGuardTests : ItemTest
{
    private async Task AssertUnchangedAsync(Guid itemId, string etag)
    {
        var (_, now) = await Admin.GetItemAsync(itemId);
        Assert.That(now, Is.EqualTo(etag), "The item must not have changed.");
    }

    [TestCase("units", "[null]")]
    [TestCase("externalRefs", "[null]")]
    [TestCase("quantity", """{"target": 79228162514264337593543950335}""")]
    [TestCase("quantity", """{"target": 1.23456}""")]
    [TestCase("quantity", """{"target": -1}""")]
    public async Task CreateItem_WithAnUnusableValue_Returns400KeyedByTheFieldAndWritesNothing(string field, string json)
    {
        var body = Body();
        body[field] = JsonNode.Parse(json);

        using var response = await Admin.PostAsJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync(field);
        var page = await Admin.GetListAsync($"{ItemsPath}?q={body["code"]}");
        Assert.That(page["items"]!.AsArray(), Is.Empty);
    }

    [TestCase("""{"reportedOn": "2026-03-15", "summary": "s", "progressStatus": "in_progress", "evidence": [null]}""", "evidence")]
    [TestCase("""{"reportedOn": "2026-03-15", "summary": "s", "progressStatus": "in_progress", "evidence": [{"name": "x", "uri": "javascript:alert(1)"}]}""", "evidence[0].uri")]
    [TestCase("""{"reportedOn": "2026-03-15", "summary": "s", "progressStatus": "in_progress", "quantityDone": 1e20}""", "quantityDone")]
    [TestCase("""{"reportedOn": "2062-03-15", "summary": "年份写错", "progressStatus": "in_progress"}""", "reportedOn")]
    public async Task ReportProgress_WithAnUnusableValue_Returns400AndChangesNothing(string json, string field)
    {
        var itemId = await NewItemIdAsync();
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PostAsync($"{ItemUri(itemId)}/progress",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.ValidationProblemAsync(field);
        await AssertUnchangedAsync(itemId, etag);
    }

    [Test]
    public async Task RecordRecurrence_DetectedAfterToday_Returns400()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);

        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/recurrences",
            new { detectedOn = "2026-03-16", detectedBy = "市督察组", description = "再次发现", newDueDate = "2026-06-30" });

        await response.ValidationProblemAsync("detectedOn");
    }

    [Test]
    public async Task UpdateItem_WhileSignOffIsUnderReview_Returns409AndKeepsWhatWasSubmitted()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        await Admin.RequestSignOffAsync(itemId);
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PatchJsonAsync(ItemUri(itemId), new { title = "改过的标题" }, "*");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("sign_off_pending"));
        await AssertUnchangedAsync(itemId, etag);
    }

    [Test]
    public async Task ReportProgress_OnASignedOffItem_Returns409()
    {
        var itemId = await NewItemIdAsync();
        await Admin.SignOffAsync(Reviewer, itemId);

        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn = "2026-03-15", summary = "巡查正常", progressStatus = "completed" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("signed_off"));
    }

    [Test]
    public async Task ApproveExtension_WhenTheDueDateHasSinceMovedPastIt_Returns409AndKeepsTheDueDate()
    {
        var itemId = await NewItemIdAsync();
        var requested = await Admin.PostExpectingAsync($"{ItemUri(itemId)}/extensions",
            new { requestedDueDate = "2027-03-31", reason = "用地审批未完成" });
        using (var moved = await Admin.PatchJsonAsync(ItemUri(itemId), new { dueDate = "2027-06-30" }, "*"))
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Reviewer.PostAsJsonAsync(
            $"{ItemUri(itemId)}/extensions/{requested["extension"]!["id"]}/approve", new { reviewerName = "区整改办" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("extension_not_later"));
        Assert.That((await Admin.GetItemAsync(itemId)).Body["dueDate"].Text(), Is.EqualTo("2027-06-30"));
    }

    [Test]
    public async Task UpdateItem_SameReferencesInAnotherOrder_IsNotAChange()
    {
        var itemId = await NewItemIdAsync();
        object[] refs = [new { system = "city", id = "B-1" }, new { system = "city", id = "A-2" }];
        using (var first = await Admin.PatchJsonAsync(ItemUri(itemId), new { externalRefs = refs }, "*"))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var again = await Admin.PatchJsonAsync(ItemUri(itemId), new { externalRefs = refs.Reverse() }, "*");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await AssertUnchangedAsync(itemId, etag);
    }

    [Test]
    public async Task UpdateItem_ByACooperatingUnitsKey_CannotTakeTheLead()
    {
        var cooperating = await Admin.CreateUnitAsync("镇政府");
        var itemId = await NewItemIdAsync(body => body["units"] = new JsonArray(new JsonObject
        {
            ["unitId"] = cooperating.ToString(), ["role"] = "cooperating",
        }));
        using var key = await App.WithScopesAsync(["read", "write"], cooperating);
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await key.PatchJsonAsync(ItemUri(itemId), new { leadUnitId = cooperating }, "*");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(itemId, etag);
    }

    [Test]
    public async Task CreateClient_AdminKeyBoundToAUnit_Returns400()
    {
        var unit = await Admin.CreateUnitAsync("城关镇");

        using var response = await Admin.PostAsJsonAsync("/api/v1/clients", new { name = "镇管理员", scopes = new[] { "admin" }, unitId = unit });

        await response.ValidationProblemAsync("unitId");
    }

    [Test]
    public async Task ChangeInspection_WithAUnitBoundKey_Returns403()
    {
        var unit = await Admin.CreateUnitAsync("城关镇");
        using var key = await App.WithScopesAsync(["read", "write"], unit);

        using var created = await key.PostAsJsonAsync(InspectionApi.InspectionsPath, InspectionApi.InspectionBody());
        using var changed = await key.PatchJsonAsync($"{InspectionApi.InspectionsPath}/{InspectionId}", new { signOffSteps = new[] { "自己验收" } }, "*");

        await created.ProblemAsync(HttpStatusCode.Forbidden);
        await changed.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task UpdateMeasure_WhileSignOffIsUnderReview_Returns409()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);
        await Admin.CompleteAsync(itemId);
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{ItemUri(itemId)}/measures/{measureId}", new { description = "改写措施" }, "*");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("sign_off_pending"));
    }

    [Test]
    public async Task UpdateMeasure_ImplementedAfterToday_Returns400()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{ItemUri(itemId)}/measures/{measureId}",
            new { implemented = true, implementedOn = "2026-03-16" }, "*");

        await response.ValidationProblemAsync("implementedOn");
    }

    [Test]
    public async Task UpdateItem_ByTheLeadUnitsKey_AddsAUnitBelowItAndMayResendAUnitTheOfficeNamedElsewhere()
    {
        var lead = await Admin.CreateUnitAsync("区水利局");
        var below = await Admin.CreateUnitAsync("区水利工作站", lead);
        var elsewhere = await Admin.CreateUnitAsync("东城街道");
        var itemId = await NewItemIdAsync(body =>
        {
            body["leadUnitId"] = lead.ToString();
            body["units"] = new JsonArray(new JsonObject { ["unitId"] = elsewhere.ToString(), ["role"] = "cooperating" });
        });
        using var leadKey = await App.WithScopesAsync(["read", "write"], lead);
        object[] units = [new { unitId = elsewhere, role = "cooperating" }, new { unitId = below, role = "responsible" }];

        using var response = await leadKey.PatchJsonAsync(ItemUri(itemId), new { title = "改标题", leadUnitId = lead, units }, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var others = (await Admin.GetItemAsync(itemId)).Body["units"]!.AsArray();
        Assert.That(others.Select(u => u!["unitId"]!.GetValue<Guid>()), Is.EquivalentTo(new[] { elsewhere, below }));
    }
}
