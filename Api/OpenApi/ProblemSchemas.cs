using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Rectify.Application.Ledger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// Every 4xx and 5xx answer is RFC 9457 problem+json. Its schema names what a client reads besides title and detail:
/// a 400's <c>errors</c> (field → messages), the <c>rule</c> a 403 or 409 names, an import's 422 row errors.
/// </summary>
internal sealed class ProblemSchemas : IOperationFilter
{
    public const string Problem = nameof(ProblemDetails);
    public const string ValidationProblem = "ValidationProblem";
    public const string RuleProblem = "RuleProblem";
    public const string LedgerProblem = "LedgerImportProblem";

    /// <summary>Problem fields are written only when set, so these schemas require nothing.</summary>
    public static readonly IReadOnlySet<string> Ids = new HashSet<string> { Problem, ValidationProblem, RuleProblem, LedgerProblem };

    /// <summary>Marks the endpoint whose 422 lists the rows of a ledger that cannot be imported.</summary>
    public sealed class LedgerErrors;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        var ledger = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<LedgerErrors>().Any();
        foreach (var (status, response) in operation.Responses)
        {
            if (status[0] is not ('4' or '5') || response is not OpenApiResponse problem ||
                problem.Content?.Keys.Any(type => !type.Contains("json", StringComparison.Ordinal)) == true)
                continue;
            var id = status switch
            {
                "400" => ValidationProblem,
                "403" or "409" => RuleProblem,
                "422" when ledger => LedgerProblem,
                _ => Problem,
            };
            problem.Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = Reference(id, context) },
            };
        }
    }

    private static OpenApiSchemaReference Reference(string id, OperationFilterContext context)
    {
        var repository = context.SchemaRepository;
        if (id == Problem)
            return (OpenApiSchemaReference)context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), repository);
        if (!repository.Schemas.ContainsKey(id))
            repository.AddDefinition(id, id switch
            {
                ValidationProblem => Extend("A problem with the fields that could not be used: each field (a body field as " +
                    "`units[0].unitId`, a query parameter, or a header such as `If-Match`) with its messages. Without " +
                    "`errors` when the body as a whole could not be read (not JSON, too large, wrong content type).",
                    ("errors", new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "Field → messages.",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = String() },
                        Examples =
                        [
                            new System.Text.Json.Nodes.JsonObject
                            {
                                ["title"] = new System.Text.Json.Nodes.JsonArray("'title' must not be empty."),
                            },
                        ],
                    }), context),
                RuleProblem => Extend("A problem that names the rule the request breaks, when one does; a 409 may carry " +
                    "more fields about the rule (e.g. the open measures).",
                    ("rule", String("A stable, machine-readable name of the rule, e.g. `unit_cycle`, `office_only`, " +
                                     "`step_already_decided`.", "step_already_decided")), context),
                LedgerProblem => Extend("A ledger that cannot be imported, with every error found; nothing was written.",
                    ("errors", new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Description = "Each error with the row as the spreadsheet numbers it and the column's header.",
                        Items = context.SchemaGenerator.GenerateSchema(typeof(LedgerNote), repository),
                    }), context),
                _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
            });
        return new OpenApiSchemaReference(id, context.Document);
    }

    private static OpenApiSchema Extend(string description, (string Name, IOpenApiSchema Schema) property,
        OperationFilterContext context) => new()
    {
        Description = description,
        AllOf =
        [
            Reference(Problem, context),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { [property.Name] = property.Schema },
            },
        ],
    };

    private static OpenApiSchema String(string? description = null, string? example = null) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Examples = example is null ? null : [System.Text.Json.Nodes.JsonValue.Create(example)],
    };
}
