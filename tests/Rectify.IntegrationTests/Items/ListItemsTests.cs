using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// GET /api/v1/items: every filter of the ledger. Each test works in an inspection of its own, so the filter
/// under test is the only thing that tells its items apart. Today is 2026-03-15 (Shanghai).
/// </summary>
public sealed class ListItemsTests : ItemTest
{
    private async Task<Guid> NewInspectionAsync(string kind = "central_inspection") =>
        InspectionApi.InspectionId(await Admin.CreateInspectionAsync($"督察来源{NewCode("I")}", kind));

    private async Task<Guid> ItemAsync(Guid inspectionId, Action<JsonObject>? change = null, Guid? leadUnitId = null)
    {
        var body = Body(inspectionId: inspectionId, leadUnitId: leadUnitId);
        change?.Invoke(body);
        return IdOf(await Admin.CreateItemAsync(body));
    }

    private static Action<JsonObject> Due(string? dueDate) => body =>
    {
        if (dueDate is null)
        {
            body["deadlineKinds"] = new JsonArray("ongoing");
            body.Remove("dueDate");
        }
        else
        {
            body["dueDate"] = dueDate;
        }
    };

    private async Task<IReadOnlyList<Guid>> ListAsync(string query) =>
        InspectionApi.IdsIn(await Admin.GetListAsync($"{ItemsPath}?{query}&limit=200"));

    [Test]
    public async Task ListItems_WithoutFilters_ReturnsItemsAndNextCursorFields()
    {
        var id = await NewItemIdAsync();

        var page = await Admin.GetListAsync($"{ItemsPath}?limit=200");

        Assert.That(page.ContainsKey("items"), Is.True, page.ToJsonString());
        Assert.That(page.ContainsKey("nextCursor"), Is.True, page.ToJsonString());
        Assert.That(InspectionApi.IdsIn(page), Does.Contain(id));
    }

    [Test]
    public async Task ListItems_FilteredByInspectionId_ListsOnlyThatInspectionsItemsInCreationOrder()
    {
        var inspection = await NewInspectionAsync();
        var first = await ItemAsync(inspection);
        var second = await ItemAsync(inspection);
        await ItemAsync(await NewInspectionAsync());

        Assert.That(await ListAsync($"inspectionId={inspection}"), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task ListItems_FilteredByInspectionKind_ListsOnlyItemsFromThatKindOfSource()
    {
        var unit = await Admin.CreateUnitAsync("区农业农村局");
        var film = await ItemAsync(await NewInspectionAsync("warning_film"), leadUnitId: unit);
        var petition = await ItemAsync(await NewInspectionAsync("petition"), leadUnitId: unit);

        Assert.That(await ListAsync($"unitId={unit}&inspectionKind=warning_film"), Is.EqualTo(new[] { film }));
        Assert.That(await ListAsync($"unitId={unit}&inspectionKind=petition"), Is.EqualTo(new[] { petition }));
        Assert.That(await ListAsync($"unitId={unit}"), Is.EqualTo(new[] { film, petition }));
    }

    [Test]
    public async Task ListItems_FilteredByUnitId_ListsItemsWhereTheUnitHoldsAnyRole()
    {
        var inspection = await NewInspectionAsync();
        var unit = await Admin.CreateUnitAsync("城关镇人民政府", kind: "township");
        var below = await Admin.CreateUnitAsync("城关镇某某村", unit, "other");
        var elsewhere = await Admin.CreateUnitAsync("区交通运输局");
        var leads = await ItemAsync(inspection, leadUnitId: unit);
        var cooperates = await ItemAsync(inspection, body =>
            body["units"] = new JsonArray(new JsonObject { ["unitId"] = unit, ["role"] = "cooperating" }), elsewhere);
        var ledBelow = await ItemAsync(inspection, leadUnitId: below);
        await ItemAsync(inspection, leadUnitId: elsewhere);

        Assert.That(await ListAsync($"inspectionId={inspection}&unitId={unit}"), Is.EqualTo(new[] { leads, cooperates }));
        Assert.That(await ListAsync($"inspectionId={inspection}&unitId={unit}&includeSubUnits=false"), Is.EqualTo(new[] { leads, cooperates }));
        Assert.That(await ListAsync($"inspectionId={inspection}&unitId={unit}&includeSubUnits=true"),
            Is.EqualTo(new[] { leads, cooperates, ledBelow }));
        Assert.That(await ListAsync($"inspectionId={inspection}&unitId={below}&includeSubUnits=true"), Is.EqualTo(new[] { ledBelow }));
    }

    [Test]
    public async Task ListItems_WhenUnitUnknownWithSubUnits_Returns400KeyedUnitIdRatherThanEveryItem()
    {
        await NewItemIdAsync();

        using var response = await Admin.GetAsync($"{ItemsPath}?unitId={Guid.NewGuid()}&includeSubUnits=true");

        await response.ValidationProblemAsync("unitId");
    }

    [Test]
    public async Task ListItems_WhenUnitUnknown_ListsNothing()
    {
        await NewItemIdAsync();

        Assert.That(await ListAsync($"unitId={Guid.NewGuid()}"), Is.Empty);
    }

    [Test]
    public async Task ListItems_FilteredByProgressStatus_ListsOnlyItemsInThatStatus()
    {
        var inspection = await NewInspectionAsync();
        var notStarted = await ItemAsync(inspection);
        var inProgress = await ItemAsync(inspection);
        var completed = await ItemAsync(inspection);
        await Admin.ReportProgressAsync(inProgress, "in_progress");
        await Admin.ReportProgressAsync(completed, "completed");

        Assert.That(await ListAsync($"inspectionId={inspection}&progressStatus=not_started"), Is.EqualTo(new[] { notStarted }));
        Assert.That(await ListAsync($"inspectionId={inspection}&progressStatus=in_progress"), Is.EqualTo(new[] { inProgress }));
        Assert.That(await ListAsync($"inspectionId={inspection}&progressStatus=completed"), Is.EqualTo(new[] { completed }));
        Assert.That(await ListAsync($"inspectionId={inspection}&progressStatus=basically_completed"), Is.Empty);
    }

    [Test]
    public async Task ListItems_FilteredBySignOffStatus_ListsOnlyItemsInThatStatus()
    {
        var inspection = await NewInspectionAsync();
        var none = await ItemAsync(inspection);
        var requested = await ItemAsync(inspection);
        var signedOff = await ItemAsync(inspection);
        await Admin.CompleteAsync(requested);
        await Admin.RequestSignOffAsync(requested);
        await Admin.SignOffAsync(Reviewer, signedOff);

        Assert.That(await ListAsync($"inspectionId={inspection}&signOffStatus=none"), Is.EqualTo(new[] { none }));
        Assert.That(await ListAsync($"inspectionId={inspection}&signOffStatus=requested"), Is.EqualTo(new[] { requested }));
        Assert.That(await ListAsync($"inspectionId={inspection}&signOffStatus=signed_off"), Is.EqualTo(new[] { signedOff }));
        Assert.That(await ListAsync($"inspectionId={inspection}&signOffStatus=returned"), Is.Empty);
    }

    [Test]
    public async Task ListItems_FilteredByCategory_ListsOnlyThatCategory()
    {
        var inspection = await NewInspectionAsync();
        var air = await ItemAsync(inspection, body => body["category"] = "air");
        var solidWaste = await ItemAsync(inspection, body => body["category"] = "solid_waste");
        await ItemAsync(inspection);

        Assert.That(await ListAsync($"inspectionId={inspection}&category=air"), Is.EqualTo(new[] { air }));
        Assert.That(await ListAsync($"inspectionId={inspection}&category=solid_waste"), Is.EqualTo(new[] { solidWaste }));
    }

    [Test]
    public async Task ListItems_FilteredByOverdue_SplitsOverdueFromTheRest()
    {
        var inspection = await NewInspectionAsync();
        var overdue = await ItemAsync(inspection, Due("2026-03-14"));
        var dueToday = await ItemAsync(inspection, Due("2026-03-15"));
        var later = await ItemAsync(inspection, Due("2026-06-30"));
        var noDueDate = await ItemAsync(inspection, Due(null));
        var completedLate = await ItemAsync(inspection, Due("2026-03-01"));
        await Admin.ReportProgressAsync(completedLate, "completed");

        Assert.That(await ListAsync($"inspectionId={inspection}&overdue=true"), Is.EqualTo(new[] { overdue }));
        Assert.That(await ListAsync($"inspectionId={inspection}&overdue=false"),
            Is.EqualTo(new[] { dueToday, later, noDueDate, completedLate }));
    }

    [Test]
    public async Task ListItems_FilteredByOverdue_FollowsTheClock()
    {
        var inspection = await NewInspectionAsync();
        var item = await ItemAsync(inspection, Due("2026-03-20"));
        Assert.That(await ListAsync($"inspectionId={inspection}&overdue=true"), Is.Empty);

        App.Clock.Now = Start.AddDays(6);

        Assert.That(await ListAsync($"inspectionId={inspection}&overdue=true"), Is.EqualTo(new[] { item }));
    }

    [Test]
    public async Task ListItems_FilteredByWarningLevel_MatchesTheLevelEachItemShows()
    {
        var inspection = await NewInspectionAsync();
        var red = await ItemAsync(inspection, Due("2026-03-14"));
        var yellow = await ItemAsync(inspection, Due("2026-03-17"));
        var blue = await ItemAsync(inspection, Due("2026-03-21"));
        var none = await ItemAsync(inspection, Due("2026-04-14"));
        var behind = await ItemAsync(inspection, Due("2026-12-31"));
        await Admin.ReportProgressAsync(behind, "in_progress", scheduleStatus: "behind");
        var ongoing = await ItemAsync(inspection, Due(null));

        Assert.That(await ListAsync($"inspectionId={inspection}&warningLevel=red"), Is.EqualTo(new[] { red }));
        Assert.That(await ListAsync($"inspectionId={inspection}&warningLevel=yellow"), Is.EqualTo(new[] { yellow, behind }));
        Assert.That(await ListAsync($"inspectionId={inspection}&warningLevel=blue"), Is.EqualTo(new[] { blue }));
        Assert.That(await ListAsync($"inspectionId={inspection}&warningLevel=none"), Is.EqualTo(new[] { none, ongoing }));
        foreach (var level in new[] { "red", "yellow", "blue", "none" })
        {
            var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspection}&warningLevel={level}");
            Assert.That(page["items"]!.AsArray().Select(i => i!["warningLevel"].Text()), Is.All.EqualTo(level));
        }
    }

    [Test]
    public async Task ListItems_FilteredByDueFromAndDueTo_ListsDueDatesInTheClosedRange()
    {
        var inspection = await NewInspectionAsync();
        var march = await ItemAsync(inspection, Due("2026-03-20"));
        var april1 = await ItemAsync(inspection, Due("2026-04-01"));
        var april30 = await ItemAsync(inspection, Due("2026-04-30"));
        var may = await ItemAsync(inspection, Due("2026-05-01"));
        await ItemAsync(inspection, Due(null));

        Assert.That(await ListAsync($"inspectionId={inspection}&dueFrom=2026-04-01"), Is.EqualTo(new[] { april1, april30, may }));
        Assert.That(await ListAsync($"inspectionId={inspection}&dueTo=2026-04-30"), Is.EqualTo(new[] { march, april1, april30 }));
        Assert.That(await ListAsync($"inspectionId={inspection}&dueFrom=2026-04-01&dueTo=2026-04-30"), Is.EqualTo(new[] { april1, april30 }));
    }

    [Test]
    public async Task ListItems_WhenDueToBeforeDueFrom_Returns400KeyedDueTo()
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?dueFrom=2026-05-01&dueTo=2026-04-01");

        await response.ValidationProblemAsync("dueTo");
    }

    [Test]
    public async Task ListItems_FilteredByIsKey_ListsOnlyKeyItemsOrOnlyTheOthers()
    {
        var inspection = await NewInspectionAsync();
        var key = await ItemAsync(inspection, body => body["isKey"] = true);
        var ordinary = await ItemAsync(inspection);

        Assert.That(await ListAsync($"inspectionId={inspection}&isKey=true"), Is.EqualTo(new[] { key }));
        Assert.That(await ListAsync($"inspectionId={inspection}&isKey=false"), Is.EqualTo(new[] { ordinary }));
    }

    [Test]
    public async Task ListItems_WithQ_MatchesAChineseSubstringOfTheTitle()
    {
        var inspection = await NewInspectionAsync();
        var match = await ItemAsync(inspection, body => body["title"] = "某某化工园区挥发性有机物无组织排放问题");
        await ItemAsync(inspection, body => body["title"] = "城区餐饮油烟扰民问题");

        Assert.That(await ListAsync($"inspectionId={inspection}&q={Uri.EscapeDataString("挥发性有机物")}"), Is.EqualTo(new[] { match }));
    }

    [Test]
    public async Task ListItems_WithQ_MatchesAChineseSubstringOfTheDescription()
    {
        var inspection = await NewInspectionAsync();
        var match = await ItemAsync(inspection, body => body["description"] = "沿河三处入河排污口未按要求设置标识牌，雨季溢流严重。");
        await ItemAsync(inspection, body => body["description"] = "垃圾填埋场渗滤液处理能力不足。");

        Assert.That(await ListAsync($"inspectionId={inspection}&q={Uri.EscapeDataString("入河排污口")}"), Is.EqualTo(new[] { match }));
    }

    [Test]
    public async Task ListItems_WithQ_MatchesTheCodeAndTreatsLikeWildcardsAsText()
    {
        var inspection = await NewInspectionAsync();
        var code = NewCode("Q");
        var byCode = await ItemAsync(inspection, body => body["code"] = code);
        var percent = await ItemAsync(inspection, body => body["title"] = "完成率不足50%的问题");
        await ItemAsync(inspection, body => body["title"] = "完成率不足50的问题");

        Assert.That(await ListAsync($"inspectionId={inspection}&q={code}"), Is.EqualTo(new[] { byCode }));
        Assert.That(await ListAsync($"inspectionId={inspection}&q={Uri.EscapeDataString("50%的")}"), Is.EqualTo(new[] { percent }));
    }

    [Test]
    public async Task ListItems_FilteredByUpdatedSince_ListsOnlyItemsChangedSinceThatInstant()
    {
        var inspection = await NewInspectionAsync();
        var untouched = await ItemAsync(inspection);
        var changed = await ItemAsync(inspection);
        App.Clock.Now = Start.AddHours(2);
        using (var response = await Admin.PatchJsonAsync(ItemUri(changed), new { area = "开发区" }, "*"))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var since = Uri.EscapeDataString(Start.AddHours(1).ToOffset(TimeSpan.FromHours(8)).ToString("O"));

        Assert.That(await ListAsync($"inspectionId={inspection}&updatedSince={since}"), Is.EqualTo(new[] { changed }));
        Assert.That(await ListAsync($"inspectionId={inspection}&updatedSince={Uri.EscapeDataString(Start.ToString("O"))}"),
            Is.EqualTo(new[] { untouched, changed }));
    }

    [Test]
    public async Task ListItems_SortedByDueDate_OrdersByDueDateWithUndatedItemsLast()
    {
        var inspection = await NewInspectionAsync();
        var undated = await ItemAsync(inspection, Due(null));
        var june = await ItemAsync(inspection, Due("2026-06-30"));
        var april = await ItemAsync(inspection, Due("2026-04-01"));
        var may = await ItemAsync(inspection, Due("2026-05-15"));

        Assert.That(await ListAsync($"inspectionId={inspection}&sort=due_date"), Is.EqualTo(new[] { april, may, june, undated }));
    }

    [Test]
    public async Task ListItems_SortedByUpdatedAt_OrdersByTheLastChange()
    {
        var inspection = await NewInspectionAsync();
        var first = await ItemAsync(inspection);
        var second = await ItemAsync(inspection);
        var third = await ItemAsync(inspection);
        App.Clock.Now = Start.AddMinutes(5);
        using (var response = await Admin.PatchJsonAsync(ItemUri(first), new { area = "开发区" }, "*"))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await ListAsync($"inspectionId={inspection}&sort=updated_at"), Is.EqualTo(new[] { second, third, first }));
    }

    [Test]
    public async Task ListItems_SortedByCode_OrdersByCode()
    {
        var inspection = await NewInspectionAsync();
        var c = await ItemAsync(inspection, body => body["code"] = "C-003");
        var a = await ItemAsync(inspection, body => body["code"] = "A-001");
        var b = await ItemAsync(inspection, body => body["code"] = "B-002");

        Assert.That(await ListAsync($"inspectionId={inspection}&sort=code"), Is.EqualTo(new[] { a, b, c }));
    }

    [Test]
    public async Task ListItems_SortedByCreated_OrdersByCreation()
    {
        var inspection = await NewInspectionAsync();
        var first = await ItemAsync(inspection, body => body["code"] = "Z-9");
        var second = await ItemAsync(inspection, body => body["code"] = "A-1");

        Assert.That(await ListAsync($"inspectionId={inspection}&sort=created"), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task ListItems_WithSeveralFilters_AppliesThemAll()
    {
        var inspection = await NewInspectionAsync();
        var wanted = await ItemAsync(inspection, body => { body["isKey"] = true; body["category"] = "air"; body["dueDate"] = "2026-03-14"; });
        await ItemAsync(inspection, body => { body["isKey"] = true; body["category"] = "air"; body["dueDate"] = "2026-09-01"; });
        await ItemAsync(inspection, body => { body["isKey"] = false; body["category"] = "air"; body["dueDate"] = "2026-03-14"; });
        await ItemAsync(inspection, body => { body["isKey"] = true; body["category"] = "noise"; body["dueDate"] = "2026-03-14"; });

        Assert.That(await ListAsync($"inspectionId={inspection}&isKey=true&category=air&overdue=true"), Is.EqualTo(new[] { wanted }));
    }

    [TestCase("inspectionKind")]
    [TestCase("progressStatus")]
    [TestCase("signOffStatus")]
    [TestCase("category")]
    [TestCase("warningLevel")]
    [TestCase("sort")]
    public async Task ListItems_WhenEnumParameterUnknown_Returns400KeyedByTheParameter(string parameter)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?{parameter}=bogus");

        await response.ValidationProblemAsync(parameter);
    }

    [TestCase("overdue", "maybe")]
    [TestCase("isKey", "是")]
    [TestCase("inspectionId", "HBJ-1")]
    [TestCase("unitId", "123")]
    [TestCase("dueFrom", "明天")]
    [TestCase("updatedSince", "yesterday")]
    [TestCase("limit", "ten")]
    public async Task ListItems_WhenParameterDoesNotParse_Returns400KeyedByTheParameter(string parameter, string value)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?{parameter}={Uri.EscapeDataString(value)}");

        await response.ValidationProblemAsync(parameter);
    }

    [Test]
    public async Task ListItems_WhenQLongerThan100_Returns400KeyedQ()
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?q={Uri.EscapeDataString(new string('河', 101))}");

        await response.ValidationProblemAsync("q");
    }

    [TestCase("0")]
    [TestCase("201")]
    public async Task ListItems_WhenLimitOutOfRange_Returns400KeyedLimit(string limit)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?limit={limit}");

        await response.ValidationProblemAsync("limit");
    }
}
