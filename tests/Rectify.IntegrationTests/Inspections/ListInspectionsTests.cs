using System.Net;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Inspections.InspectionApi;

namespace Rectify.IntegrationTests.Inspections;

/// <summary>GET /api/v1/inspections with its kind, year and text filters.</summary>
public sealed class ListInspectionsTests : ApiTest
{
    /// <summary>Follows nextCursor from the first page to the last and returns every id served, in order.</summary>
    private async Task<List<Guid>> WalkAsync(string query)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var uri = cursor is null ? $"{InspectionsPath}?{query}" : $"{InspectionsPath}?{query}&cursor={Uri.EscapeDataString(cursor)}";
            var body = await Admin.GetListAsync(uri);
            ids.AddRange(IdsIn(body));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return ids;
        }
        throw new AssertionException("The list never reached a last page.");
    }

    [Test]
    public async Task ListInspections_FilteredByKind_ListsOnlyThatKind()
    {
        var marker = NewCode("K");
        var film = await Admin.CreateInspectionAsync($"长江经济带生态环境警示片披露问题{marker}", "warning_film");
        var petition = await Admin.CreateInspectionAsync($"信访件第3批{marker}", "petition");

        var page = await Admin.GetListAsync($"{InspectionsPath}?kind=warning_film&q={marker}&limit=200");
        var all = await Admin.GetListAsync($"{InspectionsPath}?q={marker}&limit=200");

        Assert.That(IdsIn(page), Is.EqualTo(new[] { InspectionId(film) }));
        Assert.That(IdsIn(all), Is.EquivalentTo(new[] { InspectionId(film), InspectionId(petition) }));
    }

    [Test]
    public async Task ListInspections_FilteredByKind_ServesOnlyThatKindAcrossTheWholeList()
    {
        await Admin.CreateInspectionAsync("专项行动30项环境整改任务", "campaign");
        await Admin.CreateInspectionAsync("自查问题", "self_inspection");

        var page = await Admin.GetListAsync($"{InspectionsPath}?kind=campaign&limit=200");

        Assert.That(page["items"]!.AsArray(), Is.Not.Empty);
        Assert.That(page["items"]!.AsArray().Select(i => i!["kind"].Text()), Is.All.EqualTo("campaign"));
    }

    [Test]
    public async Task ListInspections_FilteredByYear_ListsOnlyThatYear()
    {
        var marker = NewCode("Y");
        var of2024 = await Admin.CreateInspectionAsync($"省督察回头看{marker}", "provincial_lookback", 2024);
        await Admin.CreateInspectionAsync($"省督察回头看{marker}", "provincial_lookback", 2025);

        var page = await Admin.GetListAsync($"{InspectionsPath}?year=2024&q={marker}");

        Assert.That(IdsIn(page), Is.EqualTo(new[] { InspectionId(of2024) }));
    }

    [Test]
    public async Task ListInspections_WithQ_MatchesAChineseSubstringOfTitleTeamOrDocumentNumber()
    {
        var marker = NewCode("Q");
        var byTitle = await Admin.CreateInspectionAsync($"第二轮中央督察{marker}反馈问题整改");
        var byTeamBody = InspectionBody($"按督察组{marker}");
        byTeamBody["teamName"] = "中央第七生态环境保护督察组";
        var byTeam = await Admin.CreateInspectionAsync(byTeamBody);
        var byDocumentBody = InspectionBody($"按文号{marker}");
        byDocumentBody["documentNumber"] = "皖环督〔2025〕88号";
        var byDocument = await Admin.CreateInspectionAsync(byDocumentBody);

        var title = await Admin.GetListAsync($"{InspectionsPath}?q={Uri.EscapeDataString("轮中央督察" + marker)}");
        var team = await Admin.GetListAsync($"{InspectionsPath}?q={Uri.EscapeDataString("第七生态")}&limit=200");
        var document = await Admin.GetListAsync($"{InspectionsPath}?q={Uri.EscapeDataString("皖环督〔2025〕88")}&limit=200");

        Assert.That(IdsIn(title), Is.EqualTo(new[] { InspectionId(byTitle) }));
        Assert.That(IdsIn(team), Does.Contain(InspectionId(byTeam)).And.Not.Contain(InspectionId(byTitle)));
        Assert.That(IdsIn(document), Does.Contain(InspectionId(byDocument)).And.Not.Contain(InspectionId(byTeam)));
    }

    [Test]
    public async Task ListInspections_WithKindYearAndQ_AppliesThemAll()
    {
        var marker = NewCode("A");
        var wanted = await Admin.CreateInspectionAsync($"巡察反馈{marker}", "party_inspection", 2023);
        await Admin.CreateInspectionAsync($"巡察反馈{marker}", "party_inspection", 2022);
        await Admin.CreateInspectionAsync($"巡察反馈{marker}", "supervision_case", 2023);

        var page = await Admin.GetListAsync($"{InspectionsPath}?kind=party_inspection&year=2023&q={marker}");

        Assert.That(IdsIn(page), Is.EqualTo(new[] { InspectionId(wanted) }));
    }

    [Test]
    public async Task ListInspections_WithLimit2_WalksEveryMatchOnceInCreationOrder()
    {
        var marker = NewCode("P");
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
            created.Add(InspectionId(await Admin.CreateInspectionAsync($"督办件{marker}-{i}", "supervision_case")));

        var walked = await WalkAsync($"q={marker}&limit=2");

        Assert.That(walked, Is.EqualTo(created));
    }

    [Test]
    public async Task ListInspections_WhenKindUnknown_Returns400KeyedKind()
    {
        using var response = await Admin.GetAsync($"{InspectionsPath}?kind=bogus");

        await response.ValidationProblemAsync("kind");
    }

    [Test]
    public async Task ListInspections_WhenYearNotANumber_Returns400KeyedYear()
    {
        using var response = await Admin.GetAsync($"{InspectionsPath}?year=二〇二六");

        await response.ValidationProblemAsync("year");
    }

    [TestCase("0")]
    [TestCase("201")]
    public async Task ListInspections_WhenLimitOutOfRange_Returns400KeyedLimit(string limit)
    {
        using var response = await Admin.GetAsync($"{InspectionsPath}?limit={limit}");

        await response.ValidationProblemAsync("limit");
    }

    [Test]
    public async Task ListInspections_WhenCursorGarbage_Returns400KeyedCursor()
    {
        using var response = await Admin.GetAsync($"{InspectionsPath}?cursor=not-a-cursor!");

        await response.ValidationProblemAsync("cursor");
    }

    [Test]
    public async Task ListInspections_WithoutAKey_Returns401()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync(InspectionsPath);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ListInspections_WhenListed_CarriesTheFieldsOfEachInspection()
    {
        var marker = NewCode("F");
        var created = await Admin.CreateInspectionAsync($"警示片{marker}", "warning_film", 2026, ["市整改办销号"]);

        var page = await Admin.GetListAsync($"{InspectionsPath}?q={marker}");

        var listed = page["items"]!.AsArray().Single()!.AsObject();
        Assert.That(JsonNode.DeepEquals(listed, created), Is.True, $"{listed.ToJsonString()} vs {created.ToJsonString()}");
    }
}
