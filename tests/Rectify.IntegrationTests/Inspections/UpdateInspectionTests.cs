using System.Net;
using System.Text;
using static Rectify.IntegrationTests.Inspections.InspectionApi;

namespace Rectify.IntegrationTests.Inspections;

/// <summary>PATCH /api/v1/inspections/{id}.</summary>
public sealed class UpdateInspectionTests : ApiTest
{
    private async Task<HttpResponseMessage> PatchRawAsync(string uri, string body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Admin.SendAsync(request);
    }

    [Test]
    public async Task UpdateInspection_WithCurrentIfMatch_Returns200WithETag2AndChangesOnlySentFields()
    {
        var created = await Admin.CreateInspectionAsync("中央督察反馈", signOffSteps: ["县整改办审核", "市整改办销号"]);

        using var response = await Admin.PatchJsonAsync(InspectionUri(created), new { title = "中央督察反馈意见（修订）", batch = 5 }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        Assert.That((await response.BodyAsync())["title"].Text(), Is.EqualTo("中央督察反馈意见（修订）"));
        var (stored, etag) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(stored["title"].Text(), Is.EqualTo("中央督察反馈意见（修订）"));
        Assert.That(stored["batch"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(stored["kind"].Text(), Is.EqualTo("central_inspection"));
        Assert.That(stored["round"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(stored["teamName"].Text(), Is.EqualTo("中央第三生态环境保护督察组"));
        Assert.That(stored["year"]!.GetValue<int>(), Is.EqualTo(2026));
        Assert.That(stored["feedbackDate"].Text(), Is.EqualTo("2026-01-10"));
        Assert.That(stored["documentNumber"].Text(), Is.EqualTo("环督察〔2026〕12号"));
        Assert.That(stored["signOffSteps"].Strings(), Is.EqualTo(new[] { "县整改办审核", "市整改办销号" }));
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task UpdateInspection_WithNull_ClearsAnOptionalField()
    {
        var created = await Admin.CreateInspectionAsync();

        using var response = await PatchRawAsync(InspectionUri(created), """{"teamName":null,"feedbackDate":null}""", "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(stored["teamName"], Is.Null);
        Assert.That(stored["feedbackDate"], Is.Null);
        Assert.That(stored["documentNumber"].Text(), Is.EqualTo("环督察〔2026〕12号"));
    }

    [Test]
    public async Task UpdateInspection_WithSignOffSteps_ReplacesTheChain()
    {
        var created = await Admin.CreateInspectionAsync();

        using var response = await Admin.PatchJsonAsync(InspectionUri(created),
            new { signOffSteps = new[] { "市级自验收", "省级验收" }, kind = "provincial_inspection" }, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(stored["signOffSteps"].Strings(), Is.EqualTo(new[] { "市级自验收", "省级验收" }));
        Assert.That(stored["kind"].Text(), Is.EqualTo("provincial_inspection"));
    }

    [Test]
    public async Task UpdateInspection_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var created = await Admin.CreateInspectionAsync("原标题");

        using var response = await Admin.PatchJsonAsync(InspectionUri(created), new { title = "新标题" }, ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        var (stored, etag) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(stored["title"].Text(), Is.EqualTo("原标题"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateInspection_WithStaleIfMatch_Returns412AndKeepsTheFirstChange()
    {
        var created = await Admin.CreateInspectionAsync("原标题");
        using (var first = await Admin.PatchJsonAsync(InspectionUri(created), new { title = "第一次修改" }, "\"1\""))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.PatchJsonAsync(InspectionUri(created), new { title = "基于旧版本的修改" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var (stored, etag) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(stored["title"].Text(), Is.EqualTo("第一次修改"));
        Assert.That(etag, Is.EqualTo("\"2\""));
    }

    [TestCase("""{"kind":"bogus"}""", "kind")]
    [TestCase("""{"kind":null}""", "kind")]
    [TestCase("""{"year":null}""", "year")]
    [TestCase("""{"title":""}""", "title")]
    [TestCase("""{"title":null}""", "title")]
    [TestCase("""{"year":1999}""", "year")]
    [TestCase("""{"feedbackDate":"2026/01/01"}""", "feedbackDate")]
    [TestCase("""{"signOffSteps":[]}""", "signOffSteps")]
    [TestCase("""{"signOffSteps":null}""", "signOffSteps")]
    public async Task UpdateInspection_WhenFieldInvalid_Returns400KeyedByFieldAndChangesNothing(string body, string field)
    {
        var created = await Admin.CreateInspectionAsync("原标题");

        using var response = await PatchRawAsync(InspectionUri(created), body, "\"1\"");

        await response.ValidationProblemAsync(field);
        var (stored, etag) = await Admin.GetResourceAsync(InspectionUri(created));
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(stored["title"].Text(), Is.EqualTo("原标题"));
        Assert.That(stored["signOffSteps"].Strings(), Is.EqualTo(DefaultSignOffSteps));
    }

    [Test]
    public async Task UpdateInspection_WhenTitleLongerThan500_Returns400KeyedTitle()
    {
        var created = await Admin.CreateInspectionAsync();

        using var response = await Admin.PatchJsonAsync(InspectionUri(created), new { title = new string('督', 501) }, "\"1\"");

        await response.ValidationProblemAsync("title");
    }

    [Test]
    public async Task UpdateInspection_WhenNothingChanges_KeepsTheVersion()
    {
        var created = await Admin.CreateInspectionAsync("原标题");

        using var response = await Admin.PatchJsonAsync(InspectionUri(created), new { title = "原标题" }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateInspection_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.PatchJsonAsync($"{InspectionsPath}/{Guid.NewGuid()}", new { title = "新标题" }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UpdateInspection_WithReadOnlyKey_Returns403AndChangesNothing()
    {
        var created = await Admin.CreateInspectionAsync("原标题");
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.PatchJsonAsync(InspectionUri(created), new { title = "新标题" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await Admin.GetResourceAsync(InspectionUri(created))).ETag, Is.EqualTo("\"1\""));
    }
}
