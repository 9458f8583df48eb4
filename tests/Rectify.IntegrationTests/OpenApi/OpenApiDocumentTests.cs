using Microsoft.OpenApi;

namespace Rectify.IntegrationTests.OpenApi;

/// <summary>The OpenAPI document is what integrators and Swagger UI users read: it must be valid and say what each operation does.</summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    private OpenApiDocument _document = null!;

    [OneTimeSetUp]
    public async Task LoadDocumentAsync()
    {
        var json = await App.Anonymous().GetStringAsync("/swagger/v1/swagger.json");
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.That(diagnostic?.Errors.Select(e => e.ToString()), Is.Empty);
        _document = document!;
    }

    private IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations() =>
        from path in _document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key, operation.Value);

    [Test]
    public void Document_WhenValidatedAgainstTheOpenApiRules_HasNoErrors() =>
        Assert.That(_document.Validate(ValidationRuleSet.GetDefaultRuleSet()).Select(e => e.ToString()), Is.Empty);

    [Test]
    public void EveryOperation_HasASummaryAndADescription()
    {
        var undocumented = Operations()
            .Where(o => !o.Path.StartsWith("/health", StringComparison.Ordinal))
            .Where(o => string.IsNullOrWhiteSpace(o.Operation.Summary) || string.IsNullOrWhiteSpace(WithoutScope(o.Operation.Description)))
            .Select(o => $"{o.Method} {o.Path}");
        Assert.That(undocumented, Is.Empty);
    }

    /// <summary>The scope sentence is added to every operation; a description must say more than that.</summary>
    private static string? WithoutScope(string? description) =>
        description is null ? null : System.Text.RegularExpressions.Regex.Replace(description, @"\s*Scope: \w+\.$", "");

    [Test]
    public void EveryApiOperation_DocumentsTheAuthProblems()
    {
        var missing = Operations()
            .Where(o => o.Path.StartsWith("/api/v1", StringComparison.Ordinal))
            .Where(o => o.Operation.Responses is null || !o.Operation.Responses.ContainsKey("401") || !o.Operation.Responses.ContainsKey("403"))
            .Select(o => $"{o.Method} {o.Path}");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryPatchAndDelete_DeclaresIfMatch_SoSwaggerUiCanSendIt()
    {
        var missing = Operations()
            .Where(o => o.Method == HttpMethod.Patch || o.Method == HttpMethod.Delete)
            .Where(o => o.Operation.Parameters?.Any(p => p.Name == "If-Match" && p.In == ParameterLocation.Header && p.Required) != true)
            .Select(o => $"{o.Method} {o.Path}");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void EveryApiPost_DeclaresAnOptionalIdempotencyKeyAndTheProblemsItAdds()
    {
        var posts = Operations().Where(o => o.Method == HttpMethod.Post && o.Path.StartsWith("/api/v1", StringComparison.Ordinal)).ToList();
        var missing = posts
            .Where(o => o.Operation.Parameters?.Any(p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header && !p.Required) != true ||
                        o.Operation.Responses?.ContainsKey("409") != true || o.Operation.Responses?.ContainsKey("422") != true)
            .Select(o => $"{o.Method} {o.Path}");

        Assert.That(posts, Is.Not.Empty);
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void ChangingAnItem_DocumentsEveryProblemItCanAnswer()
    {
        var patch = _document.Paths["/api/v1/items/{id}"].Operations![HttpMethod.Patch];

        Assert.That(patch.Responses!.Keys, Is.SupersetOf(new[] { "400", "401", "403", "404", "409", "412", "428" }));
    }

    [Test]
    public void Document_CoversTheContractRoutes()
    {
        string[] contract =
        [
            "/api/v1/units", "/api/v1/units/{id}", "/api/v1/inspections", "/api/v1/inspections/{id}", "/api/v1/items",
            "/api/v1/items/{id}", "/api/v1/items/{id}/history", "/api/v1/items/{id}/measures",
            "/api/v1/items/{id}/measures/{measureId}", "/api/v1/items/{id}/progress", "/api/v1/items/{id}/sign-off",
            "/api/v1/items/{id}/sign-off/approve", "/api/v1/items/{id}/sign-off/return", "/api/v1/items/{id}/extensions",
            "/api/v1/items/{id}/extensions/{extensionId}/approve", "/api/v1/items/{id}/extensions/{extensionId}/reject",
            "/api/v1/items/{id}/recurrences", "/api/v1/statistics", "/api/v1/clients", "/api/v1/items/changes",
        ];
        Assert.That(_document.Paths.Keys, Is.SupersetOf(contract));
    }
}
