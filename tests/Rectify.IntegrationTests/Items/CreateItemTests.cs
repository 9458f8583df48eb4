using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>POST /api/v1/items and GET /api/v1/items/{id}.</summary>
public sealed class CreateItemTests : ItemTest
{
    /// <summary>Whether the shared inspection lists an item with this code.</summary>
    private async Task<bool> ExistsAsync(string code, Guid? inspectionId = null)
    {
        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspectionId ?? InspectionId}&q={Uri.EscapeDataString(code)}&limit=200");
        return page["items"]!.AsArray().Any(item => item!["code"].Text() == code);
    }

    [Test]
    public async Task CreateItem_WhenValid_Returns201WithLocationETagAndEveryField()
    {
        var code = NewCode("Q");
        var cooperating = await Admin.CreateUnitAsync("城关镇人民政府", kind: "township");
        var supervising = await Admin.CreateUnitAsync("区生态环境局");
        var body = Body(code);
        body["isKey"] = true;
        body["aspect"] = "生态环境保护责任落实方面";
        body["units"] = new JsonArray(
            new JsonObject { ["unitId"] = cooperating, ["role"] = "cooperating" },
            new JsonObject { ["unitId"] = supervising, ["role"] = "supervising" });
        body["deadlineKinds"] = new JsonArray("ongoing", "immediate");
        body["quantity"] = new JsonObject { ["target"] = 12.5, ["unit"] = "公里" };
        body["externalRefs"] = new JsonArray(new JsonObject { ["system"] = "省督察整改平台", ["id"] = code });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var item = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{ItemsPath}/{item["id"]}"));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(item["inspectionId"]!.GetValue<Guid>(), Is.EqualTo(InspectionId));
        Assert.That(item["code"].Text(), Is.EqualTo(code));
        Assert.That(item["title"].Text(), Is.EqualTo("城区雨污混流管网改造不到位"));
        Assert.That(item["description"].Text(), Is.EqualTo("城区部分路段雨污混流，污水直排入河。"));
        Assert.That(item["requirement"].Text(), Is.EqualTo("全面排查雨污混流点位，限期完成改造。"));
        Assert.That(item["target"].Text(), Is.EqualTo("城区雨污分流率达到100%"));
        Assert.That(item["category"].Text(), Is.EqualTo("water"));
        Assert.That(item["area"].Text(), Is.EqualTo("城关镇"));
        Assert.That(item["industry"].Text(), Is.EqualTo("市政"));
        Assert.That(item["aspect"].Text(), Is.EqualTo("生态环境保护责任落实方面"));
        Assert.That(item["isKey"]!.GetValue<bool>(), Is.True);
        Assert.That(item["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(LeadUnitId));
        Assert.That(item["units"]!.AsArray().Select(u => (u!["unitId"]!.GetValue<Guid>(), u["role"].Text())),
            Is.EquivalentTo(new[] { (cooperating, "cooperating"), (supervising, "supervising") }));
        Assert.That(item["responsiblePerson"].Text(), Is.EqualTo("李四"));
        Assert.That(item["responsiblePhone"].Text(), Is.EqualTo("0571-88880000"));
        Assert.That(item["deadlineKinds"].Strings(), Is.EquivalentTo(new[] { "immediate", "ongoing" }));
        Assert.That(item["dueDate"].Text(), Is.EqualTo("2026-12-31"));
        Assert.That(item["originalDueDate"].Text(), Is.EqualTo("2026-12-31"));
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("not_started"));
        Assert.That(item["scheduleStatus"], Is.Null);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("none"));
        Assert.That(item["signOffStep"], Is.Null);
        Assert.That(item["quantity"]!["target"]!.GetValue<decimal>(), Is.EqualTo(12.5m));
        Assert.That(item["quantity"]!["done"], Is.Null);
        Assert.That(item["quantity"]!["unit"].Text(), Is.EqualTo("公里"));
        Assert.That(item["recurrenceCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(item["externalRefs"]![0]!["system"].Text(), Is.EqualTo("省督察整改平台"));
        Assert.That(item["measures"]!["total"]!.GetValue<int>(), Is.Zero);
        Assert.That(item["measures"]!["implemented"]!.GetValue<int>(), Is.Zero);
        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["createdAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start));
        Assert.That(item["updatedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start));
        Assert.That(item["completedAt"], Is.Null);
        Assert.That(item["signedOffAt"], Is.Null);
        Assert.That(item["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateItem_WhenCreated_LocationAnswersTheSameItemWithETag()
    {
        using var response = await Admin.PostJsonAsync(ItemsPath, Body());
        var created = await response.BodyAsync();

        var (item, etag) = await Admin.GetResourceAsync(response.Headers.Location!.ToString());

        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(JsonNode.DeepEquals(item, created), Is.True, $"{item.ToJsonString()} vs {created.ToJsonString()}");
    }

    [Test]
    public async Task CreateItem_WhenCodeTakenInTheSameInspection_Returns409AndCreatesNothing()
    {
        var code = NewCode("Q");
        var first = await Admin.CreateItemAsync(Body(code));
        var body = Body(code);
        body["title"] = "另一个问题";

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ProblemAsync(HttpStatusCode.Conflict);
        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={InspectionId}&q={code}");
        Assert.That(IdsOf(page), Is.EqualTo(new[] { IdOf(first) }));
    }

    [Test]
    public async Task CreateItem_WhenCodeTakenInAnotherInspection_Returns201()
    {
        var code = NewCode("Q");
        await Admin.CreateItemAsync(Body(code));
        var other = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("省生态环境保护督察反馈问题", "provincial_inspection"));

        var item = await Admin.CreateItemAsync(Body(code, other));

        Assert.That(item["code"].Text(), Is.EqualTo(code));
        Assert.That(item["inspectionId"]!.GetValue<Guid>(), Is.EqualTo(other));
    }

    [Test]
    public async Task CreateItem_WhenInspectionUnknown_Returns400KeyedInspectionIdAndCreatesNothing()
    {
        var code = NewCode("Q");
        var unknown = Guid.NewGuid();

        using var response = await Admin.PostJsonAsync(ItemsPath, Body(code, unknown));

        await response.ValidationProblemAsync("inspectionId");
        var page = await Admin.GetListAsync($"{ItemsPath}?q={code}");
        Assert.That(page["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task CreateItem_WhenLeadUnitUnknown_Returns400KeyedLeadUnitIdAndCreatesNothing()
    {
        var code = NewCode("Q");

        using var response = await Admin.PostJsonAsync(ItemsPath, Body(code, leadUnitId: Guid.NewGuid()));

        await response.ValidationProblemAsync("leadUnitId");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenLeadUnitInactive_Returns400KeyedLeadUnitIdAndCreatesNothing()
    {
        var code = NewCode("Q");
        var inactive = await Admin.CreateUnitAsync("已撤并的乡镇", kind: "township");
        await Admin.DeactivateUnitAsync(inactive);

        using var response = await Admin.PostJsonAsync(ItemsPath, Body(code, leadUnitId: inactive));

        await response.ValidationProblemAsync("leadUnitId");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenAnotherUnitUnknown_Returns400KeyedByItsPositionAndCreatesNothing()
    {
        var code = NewCode("Q");
        var known = await Admin.CreateUnitAsync("区水利局");
        var body = Body(code);
        body["units"] = new JsonArray(
            new JsonObject { ["unitId"] = known, ["role"] = "cooperating" },
            new JsonObject { ["unitId"] = Guid.NewGuid(), ["role"] = "responsible" });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("units[1].unitId");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenTheFirstOtherUnitUnknown_Returns400KeyedUnits0UnitId()
    {
        var code = NewCode("Q");
        var body = Body(code);
        body["units"] = new JsonArray(new JsonObject { ["unitId"] = Guid.NewGuid(), ["role"] = "cooperating" });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("units[0].unitId");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenAnotherUnitInactive_Returns400KeyedUnits0UnitId()
    {
        var inactive = await Admin.CreateUnitAsync("已撤销的园区", kind: "park");
        await Admin.DeactivateUnitAsync(inactive);
        var body = Body();
        body["units"] = new JsonArray(new JsonObject { ["unitId"] = inactive, ["role"] = "acceptance" });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("units[0].unitId");
    }

    [Test]
    public async Task CreateItem_WhenLeadUnitAlsoListedAmongUnits_Returns400KeyedUnits0UnitId()
    {
        var body = Body();
        body["units"] = new JsonArray(new JsonObject { ["unitId"] = LeadUnitId, ["role"] = "responsible" });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("units[0].unitId");
    }

    [TestCase(null)]
    [TestCase("lead")]
    public async Task CreateItem_WhenAUnitHasNoOtherRole_Returns400KeyedUnits(string? role)
    {
        var other = await Admin.CreateUnitAsync("区交通运输局");
        var body = Body();
        body["units"] = new JsonArray(new JsonObject { ["unitId"] = other, ["role"] = role });

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("units");
    }

    [Test]
    public async Task CreateItem_WhenByDateWithoutDueDate_Returns400KeyedDueDateAndCreatesNothing()
    {
        var code = NewCode("Q");
        var body = Body(code);
        body.Remove("dueDate");

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("dueDate");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenOngoingWithoutDueDate_Returns201NeverOverdue()
    {
        var body = Body();
        body["deadlineKinds"] = new JsonArray("ongoing");
        body.Remove("dueDate");

        var item = await Admin.CreateItemAsync(body);

        Assert.That(item["dueDate"], Is.Null);
        Assert.That(item["originalDueDate"], Is.Null);
        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["dueInDays"], Is.Null);
        Assert.That(item["warningLevel"].Text(), Is.EqualTo("none"));
    }

    [TestCase("bogus")]
    [TestCase("solid-waste")]
    [TestCase("")]
    public async Task CreateItem_WhenCategoryIsNotOneOfTheValues_Returns400KeyedCategoryAndCreatesNothing(string category)
    {
        var code = NewCode("Q");
        var body = Body(code);
        body["category"] = category;

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("category");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [TestCase("31/12/2026")]
    [TestCase("2026/12/31")]
    [TestCase("2026-02-30")]
    public async Task CreateItem_WhenDueDateNotYyyyMmDd_Returns400KeyedDueDateAndCreatesNothing(string dueDate)
    {
        var code = NewCode("Q");
        var body = Body(code);
        body["dueDate"] = dueDate;

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("dueDate");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenDeadlineKindUnknown_Returns400KeyedDeadlineKinds()
    {
        var body = Body();
        body["deadlineKinds"] = new JsonArray("by_date", "someday");

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Has.Some.StartsWith("deadlineKinds"), problem.ToJsonString());
    }

    [Test]
    public async Task CreateItem_WhenTitleHas500Characters_Returns201()
    {
        var body = Body();
        body["title"] = new string('河', 500);

        var item = await Admin.CreateItemAsync(body);

        Assert.That(item["title"].Text(), Has.Length.EqualTo(500));
    }

    [Test]
    public async Task CreateItem_WhenTitleLongerThan500_Returns400KeyedTitleAndCreatesNothing()
    {
        var code = NewCode("Q");
        var body = Body(code);
        body["title"] = new string('河', 501);

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("title");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [TestCase("deadlineKinds")]
    [TestCase("title")]
    [TestCase("code")]
    [TestCase("category")]
    [TestCase("leadUnitId")]
    [TestCase("inspectionId")]
    public async Task CreateItem_WhenRequiredFieldMissing_Returns400KeyedByFieldAndCreatesNothing(string missing)
    {
        var code = NewCode("Q");
        var body = Body(code);
        body.Remove(missing);

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync(missing);
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenDeadlineKindsEmpty_Returns400KeyedDeadlineKinds()
    {
        var body = Body();
        body["deadlineKinds"] = new JsonArray();

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("deadlineKinds");
    }

    [Test]
    public async Task CreateItem_WhenCodeLongerThan50_Returns400KeyedCode()
    {
        using var response = await Admin.PostJsonAsync(ItemsPath, Body(NewCode("Q").PadRight(51, 'x')));

        await response.ValidationProblemAsync("code");
    }

    [Test]
    public async Task CreateItem_WhenQuantityTargetNegative_Returns400KeyedQuantity()
    {
        var body = Body();
        body["quantity"] = new JsonObject { ["target"] = -1, ["unit"] = "公里" };

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("quantity");
    }

    [Test]
    public async Task CreateItem_WithReadOnlyKey_Returns403AndCreatesNothing()
    {
        var code = NewCode("Q");
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.PostJsonAsync(ItemsPath, Body(code));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateItem_WhenCreated_WritesACreatedEventWithTheInitialValues()
    {
        var item = await NewItemAsync();

        var history = await Admin.HistoryAsync(IdOf(item));

        Assert.That(history.Select(e => e["action"].Text()), Is.EqualTo(new[] { "created" }));
        var changes = history[0]["changes"]!.AsArray();
        var title = changes.Single(c => c!["field"].Text() == "title")!;
        Assert.That(title["old"], Is.Null);
        Assert.That(title["new"].Text(), Is.EqualTo("城区雨污混流管网改造不到位"));
        Assert.That(changes.Single(c => c!["field"].Text() == "dueDate")!["new"].Text(), Is.EqualTo("2026-12-31"));
    }

    [Test]
    public async Task GetItem_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.GetAsync(ItemUri(Guid.NewGuid()));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetItem_WhenIdNotAGuid_Returns404Problem()
    {
        using var response = await Admin.GetAsync($"{ItemsPath}/HBJ-001");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static IReadOnlyList<Guid> IdsOf(JsonObject page) => InspectionApi.IdsIn(page);
}
