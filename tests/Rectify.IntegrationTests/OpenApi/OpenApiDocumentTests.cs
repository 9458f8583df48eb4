using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Rectify.Application.Common.Tables;
using Rectify.Application.Items;
using Rectify.Application.Reports;
using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

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
    public void EveryOperation_HasACamelCaseOperationIdATagAndASummary()
    {
        var incomplete = Operations()
            .Where(o => o.Operation.OperationId is not { } id || !Regex.IsMatch(id, "^[a-z][A-Za-z0-9]*$") ||
                        o.Operation.Tags is not { Count: > 0 } || string.IsNullOrWhiteSpace(o.Operation.Summary))
            .Select(o => $"{o.Method} {o.Path}");
        var ids = Operations().Select(o => o.Operation.OperationId).ToList();

        Assert.That(incomplete, Is.Empty);
        Assert.That(ids, Is.Unique);
    }

    [TestCase("/api/v1/items", "GET", "listItems")]
    [TestCase("/api/v1/items/{id}", "GET", "getItem")]
    [TestCase("/api/v1/items/{id}", "PATCH", "updateItem")]
    [TestCase("/api/v1/items/{id}/progress", "POST", "reportProgress")]
    [TestCase("/api/v1/items/{id}/sign-off/approve", "POST", "approveSignOff")]
    [TestCase("/api/v1/items/{id}/extensions/{extensionId}/approve", "POST", "approveExtension")]
    [TestCase("/api/v1/imports", "POST", "importLedger")]
    [TestCase("/api/v1/report-runs/{id}", "GET", "getReportRun")]
    public void Operations_AreNamedAfterTheirResourceAndVerb(string path, string method, string operationId) =>
        Assert.That(_document.Paths[path].Operations![HttpMethod.Parse(method)].OperationId, Is.EqualTo(operationId));

    [Test]
    public void EveryTagUsed_IsDeclaredWithADescription_AndNoOther()
    {
        var declared = (_document.Tags ?? new HashSet<OpenApiTag>()).Where(t => !string.IsNullOrWhiteSpace(t.Description))
            .Select(t => t.Name).ToList();
        var used = Operations().SelectMany(o => o.Operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Distinct();

        Assert.That(declared, Is.EquivalentTo(used));
    }

    [Test]
    public void EveryParameter_HasADescription()
    {
        var undescribed = Operations()
            .SelectMany(o => (o.Operation.Parameters ?? []).Where(p => string.IsNullOrWhiteSpace(p.Description))
                .Select(p => $"{o.Operation.OperationId} {p.Name}"));
        Assert.That(undescribed, Is.Empty);
    }

    /// <summary>Parameters that take one of a set of words: the document lists the words, so clients get enums.</summary>
    private static readonly string[] EnumeratedParameters =
        ["inspectionKind", "progressStatus", "signOffStatus", "category", "warningLevel", "sort", "format", "kind", "groupBy"];

    [Test]
    public void EveryEnumeratedParameter_ListsItsValues()
    {
        var parameters = Operations()
            .SelectMany(o => (o.Operation.Parameters ?? []).Select(p => (o.Operation.OperationId, Parameter: p)))
            .Where(p => EnumeratedParameters.Contains(p.Parameter.Name))
            .ToList();
        var open = parameters.Where(p => p.Parameter.Schema?.Enum is not { Count: > 0 }).Select(p => $"{p.OperationId} {p.Parameter.Name}");

        Assert.That(parameters, Has.Count.GreaterThanOrEqualTo(20), "the enumerated parameters are found by name");
        Assert.That(open, Is.Empty);
    }

    [TestCase("listItems", "progressStatus", typeof(ProgressStatus))]
    [TestCase("listItems", "sort", typeof(ItemSort))]
    [TestCase("getStatistics", "sort", typeof(StatisticsSort))]
    [TestCase("getStatistics", "groupBy", typeof(StatisticsGroupBy))]
    [TestCase("exportItems", "format", typeof(TableFormat))]
    [TestCase("getReportRun", "format", typeof(ReportFormat))]
    [TestCase("listReportRuns", "kind", typeof(ReportKind))]
    [TestCase("listInspections", "kind", typeof(InspectionKind))]
    public void EnumeratedParameter_ListsTheWordsTheServerAccepts(string operationId, string name, Type enumType)
    {
        var parameter = Operations().Single(o => o.Operation.OperationId == operationId).Operation.Parameters!.Single(p => p.Name == name);
        var words = Enum.GetNames(enumType).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n));

        Assert.That(parameter.Schema!.Enum!.Select(v => v.GetValue<string>()), Is.EqualTo(words));
    }

    [Test]
    public void PatchBodies_DescribeEachFieldWithItsOwnType_NeverAWrapper()
    {
        var patch = Schema("ItemPatch");

        Assert.That(_document.Components!.Schemas!.Keys.Where(k => k.EndsWith("Optional", StringComparison.Ordinal)), Is.Empty);
        Assert.That(patch.Required?.Count ?? 0, Is.Zero, "a PATCH changes only the fields sent");
        Assert.That(patch.Properties!["title"].Type, Is.EqualTo(JsonSchemaType.String), "title cannot be cleared");
        Assert.That(patch.Properties["isKey"].Type, Is.EqualTo(JsonSchemaType.Boolean));
        Assert.That(patch.Properties["dueDate"].Type, Is.EqualTo(JsonSchemaType.String | JsonSchemaType.Null), "null clears the due date");
        Assert.That(patch.Properties["quantity"].Type!.Value.HasFlag(JsonSchemaType.Null), Is.True, "null clears the quantity");
    }

    [Test]
    public void Responses_RequireEveryFieldTheServerSends_AndAllowNullWhereItSendsNull()
    {
        var item = Schema("ItemResponse");

        Assert.That(item.Required, Is.EquivalentTo(item.Properties!.Keys));
        Assert.That(item.Properties["quantity"].Type!.Value.HasFlag(JsonSchemaType.Null), Is.True);
        Assert.That(item.Properties["quantity"].AllOf!.Single(), Is.InstanceOf<OpenApiSchemaReference>());
        Assert.That(item.Properties["title"].Type, Is.EqualTo(JsonSchemaType.String));
    }

    [Test]
    public void RequestBodies_AreRequired_WithTheMembersTheServerCannotGoWithout()
    {
        var bodies = Operations().Where(o => o.Operation.RequestBody is not null).ToList();
        var create = Schema("CreateItemCommand");

        Assert.That(bodies.Where(o => !o.Operation.RequestBody!.Required).Select(o => o.Operation.OperationId), Is.Empty);
        Assert.That(create.Required, Is.SupersetOf(new[] { "inspectionId", "code", "title", "leadUnitId" }), "non-nullable");
        Assert.That(create.Required, Does.Contain("category"), "nullable in C#, but the validator refuses to go without it");
        Assert.That(create.Properties!["category"], Is.InstanceOf<OpenApiSchemaReference>(), "and so not nullable");
        Assert.That(create.Required, Does.Not.Contain("description"));
    }

    [Test]
    public void Problems_CarryTypedErrorsAndRules()
    {
        var update = _document.Paths["/api/v1/items/{id}"].Operations![HttpMethod.Patch];
        var errors = Schema("ValidationProblem").AllOf!.OfType<OpenApiSchema>().Single().Properties!["errors"];
        var rule = Schema("RuleProblem").AllOf!.OfType<OpenApiSchema>().Single().Properties!["rule"];

        Assert.That(ProblemSchemaOf(update, "400"), Is.EqualTo("ValidationProblem"));
        Assert.That(ProblemSchemaOf(update, "409"), Is.EqualTo("RuleProblem"));
        Assert.That(ProblemSchemaOf(update, "403"), Is.EqualTo("RuleProblem"));
        Assert.That(ProblemSchemaOf(update, "401"), Is.Not.Null);
        Assert.That(errors.AdditionalProperties!.Items!.Type, Is.EqualTo(JsonSchemaType.String));
        Assert.That(rule.Type, Is.EqualTo(JsonSchemaType.String));
        Assert.That(update.Responses!["400"].Description, Does.Contain("If-Match"));
    }

    [Test]
    public void VersionedAnswers_DescribeTheETagHeader()
    {
        var get = _document.Paths["/api/v1/items/{id}"].Operations![HttpMethod.Get];

        Assert.That(get.Responses!["200"].Headers, Does.ContainKey("ETag"));
    }

    [Test]
    public void Document_NamesServerContactAndLicence()
    {
        Assert.That(_document.Servers, Is.Not.Empty);
        Assert.That(_document.Info.Contact?.Name, Is.Not.Empty);
        Assert.That(_document.Info.License?.Url, Is.Not.Null);
    }

    [Test]
    public void EveryJsonRequestBody_HasAnExample_AndAPatchOneShowsOnlyWhatItChanges()
    {
        var bodies = Operations()
            .Select(o => (o.Method, o.Operation.OperationId, Body: o.Operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true ? json : null))
            .Where(o => o.Body is not null)
            .ToList();
        var without = bodies.Where(o => o.Body!.Example is null).Select(o => o.OperationId);
        var patches = bodies.Where(o => o.Method == HttpMethod.Patch).ToList();

        Assert.That(without, Is.Empty);
        Assert.That(patches, Is.Not.Empty);
        foreach (var (_, operationId, body) in patches)
        {
            var fields = body!.Example!.AsObject().Select(p => p.Key).ToList();
            var schema = (OpenApiSchema)((OpenApiSchemaReference)body.Schema!).Target!;
            Assert.That(fields, Has.Count.LessThanOrEqualTo(2).And.SubsetOf(schema.Properties!.Keys), operationId);
        }
    }

    private OpenApiSchema Schema(string id) => (OpenApiSchema)_document.Components!.Schemas![id];

    private static string? ProblemSchemaOf(OpenApiOperation operation, string status) =>
        (operation.Responses![status].Content?["application/problem+json"].Schema as OpenApiSchemaReference)?.Reference.Id;

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
