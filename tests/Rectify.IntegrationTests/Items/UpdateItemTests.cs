using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>PATCH /api/v1/items/{id}: left out stays, null clears, If-Match required.</summary>
public sealed class UpdateItemTests : ItemTest
{
    private async Task<HttpResponseMessage> PatchRawAsync(Guid itemId, string body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, ItemUri(itemId))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Admin.SendAsync(request);
    }

    /// <summary>The item as stored, with the fields a change is expected to move taken out.</summary>
    private static JsonObject Without(JsonObject item, params string[] fields)
    {
        var copy = item.DeepClone().AsObject();
        foreach (var field in fields.Append("version").Append("updatedAt"))
            copy.Remove(field);
        return copy;
    }

    private async Task<(Guid Id, JsonObject Item)> ItemWithOtherUnitAsync()
    {
        var cooperating = await Admin.CreateUnitAsync("区水利局");
        var created = await NewItemAsync(body =>
            body["units"] = new JsonArray(new JsonObject { ["unitId"] = cooperating, ["role"] = "cooperating" }));
        return (IdOf(created), created);
    }

    [Test]
    public async Task UpdateItem_WithCurrentIfMatch_Returns200WithETag2AndChangesOnlySentFields()
    {
        var (id, created) = await ItemWithOtherUnitAsync();
        App.Clock.Now = Start.AddHours(1);

        using var response = await Admin.PatchJsonAsync(ItemUri(id), new { title = "城区雨污混流问题整改不彻底", isKey = true }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        Assert.That((await response.BodyAsync())["title"].Text(), Is.EqualTo("城区雨污混流问题整改不彻底"));
        var (stored, etag) = await Admin.GetItemAsync(id);
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(stored["title"].Text(), Is.EqualTo("城区雨污混流问题整改不彻底"));
        Assert.That(stored["isKey"]!.GetValue<bool>(), Is.True);
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(stored["updatedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddHours(1)));
        Assert.That(stored["createdAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start));
        var expected = Without(created, "title", "isKey");
        Assert.That(JsonNode.DeepEquals(Without(stored, "title", "isKey"), expected), Is.True,
            $"{stored.ToJsonString()}\nvs\n{created.ToJsonString()}");
    }

    [Test]
    public async Task UpdateItem_WithNull_ClearsThatFieldOnly()
    {
        var created = await NewItemAsync();

        using var response = await PatchRawAsync(IdOf(created), """{"description":null,"responsiblePhone":null}""", "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["description"], Is.Null);
        Assert.That(stored["responsiblePhone"], Is.Null);
        Assert.That(stored["requirement"].Text(), Is.EqualTo("全面排查雨污混流点位，限期完成改造。"));
        Assert.That(stored["responsiblePerson"].Text(), Is.EqualTo("李四"));
    }

    [Test]
    public async Task UpdateItem_WhenDueDateMoves_KeepsTheOriginalDueDate()
    {
        var created = await NewItemAsync();

        using (var first = await Admin.PatchJsonAsync(ItemUri(created), new { dueDate = "2027-06-30" }, "\"1\""))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        using (var second = await Admin.PatchJsonAsync(ItemUri(created), new { dueDate = "2027-09-30" }, "\"2\""))
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), await second.Content.ReadAsStringAsync());

        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["dueDate"].Text(), Is.EqualTo("2027-09-30"));
        Assert.That(stored["originalDueDate"].Text(), Is.EqualTo("2026-12-31"));
        Assert.That(etag, Is.EqualTo("\"3\""));
    }

    [Test]
    public async Task UpdateItem_WhenDeadlineKindsChange_ReplacesTheSet()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { deadlineKinds = new[] { "immediate", "ongoing" } }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["deadlineKinds"].Strings(), Is.EquivalentTo(new[] { "immediate", "ongoing" }));
        Assert.That(stored["dueDate"].Text(), Is.EqualTo("2026-12-31"));
    }

    [Test]
    public async Task UpdateItem_WhenByDateItemLosesItsDueDate_Returns409AndChangesNothing()
    {
        var created = await NewItemAsync();

        using var response = await PatchRawAsync(IdOf(created), """{"dueDate":null}""", "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("due_date_required"));
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["dueDate"].Text(), Is.EqualTo("2026-12-31"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateItem_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { title = "新标题" }, ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["title"].Text(), Is.EqualTo("城区雨污混流管网改造不到位"));
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(await Admin.ActionsAsync(IdOf(created)), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task UpdateItem_WithStaleIfMatch_Returns412AndKeepsTheFirstChange()
    {
        var created = await NewItemAsync();
        using (var first = await Admin.PatchJsonAsync(ItemUri(created), new { title = "第一次修改" }, "\"1\""))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { title = "基于旧版本的修改", area = "开发区" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["title"].Text(), Is.EqualTo("第一次修改"));
        Assert.That(stored["area"].Text(), Is.EqualTo("城关镇"));
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(await Admin.ActionsAsync(IdOf(created)), Is.EqualTo(new[] { "created", "updated" }));
    }

    [Test]
    public async Task UpdateItem_WithIfMatchStar_Returns200()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { area = "开发区" }, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task UpdateItem_WithUnits_ReplacesTheOtherUnitsAndKeepsTheLead()
    {
        var (id, _) = await ItemWithOtherUnitAsync();
        var supervising = await Admin.CreateUnitAsync("区纪委监委");
        var acceptance = await Admin.CreateUnitAsync("区整改办", kind: "office");

        using var response = await Admin.PatchJsonAsync(ItemUri(id), new
        {
            units = new[] { new { unitId = supervising, role = "supervising" }, new { unitId = acceptance, role = "acceptance" } },
        }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetItemAsync(id);
        Assert.That(stored["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(LeadUnitId));
        Assert.That(stored["units"]!.AsArray().Select(u => (u!["unitId"]!.GetValue<Guid>(), u["role"].Text())),
            Is.EquivalentTo(new[] { (supervising, "supervising"), (acceptance, "acceptance") }));
    }

    [Test]
    public async Task UpdateItem_WithLeadUnitId_MovesTheLeadAndKeepsTheOtherUnits()
    {
        var (id, created) = await ItemWithOtherUnitAsync();
        var newLead = await Admin.CreateUnitAsync("城关镇人民政府", kind: "township");

        using var response = await Admin.PatchJsonAsync(ItemUri(id), new { leadUnitId = newLead }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetItemAsync(id);
        Assert.That(stored["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(newLead));
        Assert.That(JsonNode.DeepEquals(stored["units"], created["units"]), Is.True, stored["units"]!.ToJsonString());
    }

    [Test]
    public async Task UpdateItem_WhenLeadUnitUnknown_Returns400KeyedLeadUnitIdAndChangesNothing()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { leadUnitId = Guid.NewGuid() }, "\"1\"");

        await response.ValidationProblemAsync("leadUnitId");
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(LeadUnitId));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateItem_WhenLeadUnitInactive_Returns400KeyedLeadUnitId()
    {
        var created = await NewItemAsync();
        var inactive = await Admin.CreateUnitAsync("已撤并的乡镇", kind: "township");
        await Admin.DeactivateUnitAsync(inactive);

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { leadUnitId = inactive }, "\"1\"");

        await response.ValidationProblemAsync("leadUnitId");
    }

    [Test]
    public async Task UpdateItem_WhenAnotherUnitInactive_Returns400KeyedUnits0UnitIdAndChangesNothing()
    {
        var (id, created) = await ItemWithOtherUnitAsync();
        var inactive = await Admin.CreateUnitAsync("已撤销的园区", kind: "park");
        await Admin.DeactivateUnitAsync(inactive);

        using var response = await Admin.PatchJsonAsync(ItemUri(id), new { units = new[] { new { unitId = inactive, role = "cooperating" } } }, "\"1\"");

        await response.ValidationProblemAsync("units[0].unitId");
        var (stored, etag) = await Admin.GetItemAsync(id);
        Assert.That(JsonNode.DeepEquals(stored["units"], created["units"]), Is.True);
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateItem_WhenCodeTakenInTheInspection_Returns409AndChangesNothing()
    {
        var other = await NewItemAsync();
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { code = other["code"].Text() }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Conflict);
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["code"].Text(), Is.EqualTo(created["code"].Text()));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [TestCase("""{"category":"bogus"}""", "category")]
    [TestCase("""{"dueDate":"31/12/2026"}""", "dueDate")]
    [TestCase("""{"title":""}""", "title")]
    [TestCase("""{"code":null}""", "code")]
    [TestCase("""{"deadlineKinds":[]}""", "deadlineKinds")]
    [TestCase("""{"isKey":null}""", "isKey")]
    [TestCase("""{"units":[{"unitId":"01a204e4-0000-7000-8000-000000000000"}]}""", "units")]
    public async Task UpdateItem_WhenFieldInvalid_Returns400KeyedByFieldAndChangesNothing(string body, string field)
    {
        var created = await NewItemAsync();

        using var response = await PatchRawAsync(IdOf(created), body, "\"1\"");

        await response.ValidationProblemAsync(field);
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(JsonNode.DeepEquals(stored, created), Is.True, stored.ToJsonString());
    }

    [Test]
    public async Task UpdateItem_WhenTitleLongerThan500_Returns400KeyedTitle()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { title = new string('河', 501) }, "\"1\"");

        var problem = await response.ValidationProblemAsync("title");
        Assert.That(problem["errors"]!["title"]![0]!.GetValue<string>(), Does.Contain("'title'"), "the message names the field sent");
    }

    [Test]
    public async Task UpdateItem_WhenStatusFieldsSent_IgnoresThemBecauseTheyHaveTheirOwnRoutes()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created),
            new { progressStatus = "completed", signOffStatus = "signed_off", recurrenceCount = 5 }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, etag) = await Admin.GetItemAsync(IdOf(created));
        Assert.That(stored["progressStatus"].Text(), Is.EqualTo("not_started"));
        Assert.That(stored["signOffStatus"].Text(), Is.EqualTo("none"));
        Assert.That(stored["recurrenceCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateItem_WhenNothingChanges_KeepsTheVersionAndWritesNoEvent()
    {
        var created = await NewItemAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(created), new { title = created["title"].Text() }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(await Admin.ActionsAsync(IdOf(created)), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task UpdateItem_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.PatchJsonAsync(ItemUri(Guid.NewGuid()), new { title = "新标题" }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
