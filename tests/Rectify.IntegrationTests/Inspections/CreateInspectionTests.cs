using System.Net;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Inspections.InspectionApi;

namespace Rectify.IntegrationTests.Inspections;

/// <summary>POST /api/v1/inspections and GET /api/v1/inspections/{id}.</summary>
public sealed class CreateInspectionTests : ApiTest
{
    private static string UniqueTitle() => $"省生态环境保护督察反馈意见{NewCode("T")}";

    /// <summary>Whether an inspection whose title holds this marker is listed (q matches the title).</summary>
    private async Task<bool> ExistsAsync(string marker)
    {
        var page = await Admin.GetListAsync($"{InspectionsPath}?q={Uri.EscapeDataString(marker)}&limit=200");
        return page["items"]!.AsArray().Any(inspection => inspection!["title"].Text().Contains(marker, StringComparison.Ordinal));
    }

    [Test]
    public async Task CreateInspection_WhenValid_Returns201WithLocationETagAndEveryField()
    {
        var title = UniqueTitle();

        using var response = await Admin.PostJsonAsync(InspectionsPath,
            InspectionBody(title, "central_lookback", 2025, ["区级验收", "媒体公示", "区领导签字"]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{InspectionsPath}/{body["id"]}"));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(body["kind"].Text(), Is.EqualTo("central_lookback"));
        Assert.That(body["level"].Text(), Is.EqualTo("central"));
        Assert.That(body["title"].Text(), Is.EqualTo(title));
        Assert.That(body["round"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(body["batch"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(body["teamName"].Text(), Is.EqualTo("中央第三生态环境保护督察组"));
        Assert.That(body["year"]!.GetValue<int>(), Is.EqualTo(2025));
        Assert.That(body["feedbackDate"].Text(), Is.EqualTo("2026-01-10"));
        Assert.That(body["planDueDate"].Text(), Is.EqualTo("2026-12-31"));
        Assert.That(body["documentNumber"].Text(), Is.EqualTo("环督察〔2026〕12号"));
        Assert.That(body["signOffSteps"].Strings(), Is.EqualTo(new[] { "区级验收", "媒体公示", "区领导签字" }));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateInspection_WithTwoStepsOfOneName_Returns400KeyedSignOffSteps()
    {
        var title = UniqueTitle();

        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(title, "warning_film", signOffSteps: ["审核", " 审核 "]));

        await response.ValidationProblemAsync("signOffSteps");
    }

    [Test]
    public async Task CreateInspection_WhenCreated_LocationAnswersTheSameInspectionWithETag()
    {
        var title = UniqueTitle();
        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(title, "warning_film", signOffSteps: ["市整改办销号"]));
        var created = await response.BodyAsync();

        var (inspection, etag) = await Admin.GetResourceAsync(response.Headers.Location!.ToString());

        Assert.That(InspectionId(inspection), Is.EqualTo(InspectionId(created)));
        Assert.That(inspection["title"].Text(), Is.EqualTo(title));
        Assert.That(inspection["kind"].Text(), Is.EqualTo("warning_film"));
        Assert.That(inspection["signOffSteps"].Strings(), Is.EqualTo(new[] { "市整改办销号" }));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task CreateInspection_WithoutSignOffSteps_GetsTheDefaultChain()
    {
        var body = InspectionBody(UniqueTitle(), "petition");

        var created = await Admin.CreateInspectionAsync(body);

        Assert.That(created["signOffSteps"].Strings(), Is.EqualTo(DefaultSignOffSteps));
        var (stored, _) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(stored["signOffSteps"].Strings(), Is.EqualTo(DefaultSignOffSteps));
    }

    [Test]
    public async Task CreateInspection_WithOnlyRequiredFields_Returns201WithOptionalFieldsNull()
    {
        var title = UniqueTitle();
        var body = new JsonObject { ["kind"] = "self_inspection", ["level"] = "county", ["title"] = title, ["year"] = 2026 };

        var created = await Admin.CreateInspectionAsync(body);

        Assert.That(created["round"], Is.Null);
        Assert.That(created["teamName"], Is.Null);
        Assert.That(created["feedbackDate"], Is.Null);
        Assert.That(created["documentNumber"], Is.Null);
        Assert.That(created["signOffSteps"].Strings(), Is.EqualTo(DefaultSignOffSteps));
    }

    [Test]
    public async Task CreateInspection_WhenKindIsNotOneOfTheValues_Returns400KeyedKindAndCreatesNothing()
    {
        var title = UniqueTitle();
        var body = InspectionBody(title);
        body["kind"] = "bogus";

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync("kind");
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [Test]
    public async Task CreateInspection_WhenLevelIsNotOneOfTheValues_Returns400KeyedLevel()
    {
        var body = InspectionBody(UniqueTitle());
        body["level"] = "village";

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync("level");
    }

    [TestCase("kind")]
    [TestCase("level")]
    [TestCase("title")]
    public async Task CreateInspection_WhenRequiredFieldMissing_Returns400KeyedByField(string missing)
    {
        var title = UniqueTitle();
        var body = InspectionBody(title);
        body.Remove(missing);

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync(missing);
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [Test]
    public async Task CreateInspection_WhenTitleBlank_Returns400KeyedTitle()
    {
        var body = InspectionBody("   ");

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync("title");
    }

    [TestCase(1999)]
    [TestCase(2101)]
    [TestCase(0)]
    public async Task CreateInspection_WhenYearOutOfRange_Returns400KeyedYearAndCreatesNothing(int year)
    {
        var title = UniqueTitle();

        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(title, year: year));

        await response.ValidationProblemAsync("year");
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [TestCase(2000)]
    [TestCase(2100)]
    public async Task CreateInspection_WhenYearAtTheEdgeOfTheRange_Returns201(int year)
    {
        var created = await Admin.CreateInspectionAsync(UniqueTitle(), year: year);

        Assert.That(created["year"]!.GetValue<int>(), Is.EqualTo(year));
    }

    [TestCase("feedbackDate", "2026/01/01")]
    [TestCase("feedbackDate", "01/10/2026")]
    [TestCase("planDueDate", "2026-13-01")]
    [TestCase("planDueDate", "明年年底")]
    public async Task CreateInspection_WhenDateNotYyyyMmDd_Returns400KeyedByField(string field, string value)
    {
        var title = UniqueTitle();
        var body = InspectionBody(title);
        body[field] = value;

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync(field);
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [Test]
    public async Task CreateInspection_WhenSignOffStepsEmpty_Returns400KeyedSignOffStepsAndCreatesNothing()
    {
        var title = UniqueTitle();

        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(title, signOffSteps: []));

        await response.ValidationProblemAsync("signOffSteps");
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [Test]
    public async Task CreateInspection_WhenASignOffStepIsBlank_Returns400KeyedSignOffSteps()
    {
        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(UniqueTitle(), signOffSteps: ["县整改办审核", " "]));

        await response.ValidationProblemAsync("signOffSteps");
    }

    [Test]
    public async Task CreateInspection_WhenMoreThan10SignOffSteps_Returns400KeyedSignOffSteps()
    {
        var steps = Enumerable.Range(1, 11).Select(i => $"第{i}步").ToArray();

        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(UniqueTitle(), signOffSteps: steps));

        await response.ValidationProblemAsync("signOffSteps");
    }

    [Test]
    public async Task CreateInspection_WhenTitleHas500Characters_Returns201()
    {
        var title = NewCode("T") + new string('督', 491);

        var created = await Admin.CreateInspectionAsync(InspectionBody(title));

        Assert.That(created["title"].Text(), Has.Length.EqualTo(500));
    }

    [Test]
    public async Task CreateInspection_WhenTitleLongerThan500_Returns400KeyedTitleAndCreatesNothing()
    {
        var marker = NewCode("T");
        var title = marker + new string('督', 492);

        using var response = await Admin.PostJsonAsync(InspectionsPath, InspectionBody(title));

        await response.ValidationProblemAsync("title");
        Assert.That(await ExistsAsync(marker), Is.False);
    }

    [TestCase("round", 0)]
    [TestCase("round", 101)]
    [TestCase("batch", 0)]
    public async Task CreateInspection_WhenRoundOrBatchOutOfRange_Returns400KeyedByField(string field, int value)
    {
        var body = InspectionBody(UniqueTitle());
        body[field] = value;

        using var response = await Admin.PostJsonAsync(InspectionsPath, body);

        await response.ValidationProblemAsync(field);
    }

    [Test]
    public async Task CreateInspection_WithReadOnlyKey_Returns403AndCreatesNothing()
    {
        var title = UniqueTitle();
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.PostJsonAsync(InspectionsPath, InspectionBody(title));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await ExistsAsync(title), Is.False);
    }

    [Test]
    public async Task GetInspection_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.GetAsync($"{InspectionsPath}/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
