using System.Net;
using System.Net.Http.Json;

namespace Rectify.IntegrationTests.Units;

public sealed class UnitEndpointsTests : ApiTest
{
    private async Task<HttpResponseMessage> CreateAsync(string code, Guid? parentId = null) =>
        await Admin.PostAsJsonAsync("/api/v1/units", new { code, name = "区生态环境局", kind = "department", parentId });

    [Test]
    public async Task CreateUnit_WhenValid_Returns201WithLocationAndETag()
    {
        var response = await CreateAsync(NewCode());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/units/{body["id"]}"));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(body["kind"]!.GetValue<string>(), Is.EqualTo("department"));
    }

    [Test]
    public async Task CreateUnit_WhenCodeTaken_Returns409()
    {
        var code = NewCode();
        await CreateAsync(code);

        var response = await CreateAsync(code.ToLowerInvariant());

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task UpdateUnit_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var created = await (await CreateAsync(NewCode())).BodyAsync();
        var uri = $"/api/v1/units/{created["id"]}";

        var response = await Admin.PatchJsonAsync(uri, new { name = "改名" }, ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        var unit = await (await Admin.GetAsync(uri)).BodyAsync();
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
    }
}
