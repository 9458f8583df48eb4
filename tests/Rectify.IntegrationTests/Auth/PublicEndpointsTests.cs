using System.Net;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Auth;

/// <summary>What answers without a key (health, OpenAPI, Swagger UI), and how an unknown route answers.</summary>
public sealed class PublicEndpointsTests : ApiTest
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_WithoutKey_Returns200Healthy(string uri)
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync(uri);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task SwaggerDocument_WithoutKey_DescribesApiKeySchemeAndUnitRoutes()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/swagger/v1/swagger.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await response.BodyAsync();
        var schemes = document["components"]?["securitySchemes"]?.AsObject();
        Assert.That(schemes, Is.Not.Null, "The document has no security schemes.");
        var apiKey = schemes!.Select(scheme => scheme.Value).OfType<JsonObject>()
            .SingleOrDefault(scheme => scheme["name"]?.GetValue<string>() == "X-Api-Key");
        Assert.That(apiKey, Is.Not.Null, schemes.ToJsonString());
        Assert.That(apiKey!["type"]!.GetValue<string>(), Is.EqualTo("apiKey"));
        Assert.That(apiKey["in"]!.GetValue<string>(), Is.EqualTo("header"));
        var paths = document["paths"]!.AsObject();
        Assert.That(paths.ContainsKey("/api/v1/units"), Is.True);
        Assert.That(paths.ContainsKey("/api/v1/units/{id}"), Is.True, string.Join(", ", paths.Select(p => p.Key)));
        var unit = paths["/api/v1/units/{id}"]!.AsObject();
        Assert.That(unit.Select(operation => operation.Key), Is.SupersetOf(new[] { "get", "patch", "delete" }));
    }

    [Test]
    public async Task SwaggerUi_WithoutKey_Returns200Html()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [TestCase("/api/v1/nope")]
    [TestCase("/api/v2/units")]
    public async Task UnknownRoute_WithAdminKey_Returns404Problem(string uri)
    {
        using var response = await Admin.GetAsync(uri);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UnknownRoute_WithoutKey_Returns404Problem()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync("/api/v1/nope");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("PUT", "/api/v1/units")]
    [TestCase("DELETE", "/api/v1/audit/verify")]
    public async Task KnownRoute_WithUnsupportedMethod_Returns405Problem(string method, string uri)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);

        using var response = await Admin.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
