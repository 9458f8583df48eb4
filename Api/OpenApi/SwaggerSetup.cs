using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Rectify.Api.Auth;
using Rectify.Api.Http;
using Swashbuckle.AspNetCore.Swagger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddRectifySwagger(this IServiceCollection services)
    {
        services.AddOptions<DocumentInfoOptions>().BindConfiguration(DocumentInfoOptions.Section);
        services.AddSingleton<ISerializerDataContractResolver>(provider => new OptionalMembers(
            new JsonSerializerDataContractResolver(
                provider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions,
                provider.GetRequiredService<IOptions<SchemaGeneratorOptions>>().Value)));
        // The service's own address, as the caller reached it: a client generated from the document calls it back there.
        services.Configure<SwaggerOptions>(options => options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}", Description = "This service" }]));
        return services.AddEndpointsApiExplorer().AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Rectify 督察整改台账",
                Version = "v1",
                Description = "The system of record for rectification of inspection feedback: units, inspections, " +
                              "items, measures, progress, sign-off (销号), extensions and recurrence. Authenticate " +
                              "with the X-Api-Key header (Authorize button). Errors are RFC 9457 problem details.",
            });
            options.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key. The first admin key is printed in the log at first start.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            options.OrderActionsBy(api => $"{TagOrder(api.ActionDescriptor.EndpointMetadata)} {api.RelativePath}");
            options.CustomOperationIds(OperationId);
            options.DocumentFilter<TagDescriptions>();
            options.DocumentFilter<DocumentInfoFilter>();
            options.SchemaFilter<MemberSchemas>();
            options.SchemaFilter<PropertyExamples>();
            options.DocumentFilter<ResponsesSendEveryProperty>();
            options.DocumentFilter<NullableEnums>();
            options.OperationFilter<AuthResponsesFilter>();
            options.OperationFilter<IfMatchHeaderFilter>();
            options.OperationFilter<IdempotencyKeyHeaderFilter>();
            options.OperationFilter<ETagHeaderFilter>();
            options.OperationFilter<ParameterDescriptions>();
            options.OperationFilter<RequestBodies>();
            // After the filters that add responses, so theirs get problem bodies too.
            options.OperationFilter<ProblemSchemas>();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
        });
    }

    /// <summary>
    /// The handler method's name, camel-cased (<c>ApproveSignOff</c> → <c>approveSignOff</c>): stable, and what a client
    /// generator names its method.
    /// </summary>
    private static string OperationId(ApiDescription api)
    {
        var name = api.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()?.Name
                   ?? throw new InvalidOperationException($"{api.HttpMethod} {api.RelativePath} has no handler method to name its operation.");
        return JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    /// <summary>The tags in the order a newcomer meets them (Swagger UI lists them so, not alphabetically), with what each holds.</summary>
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Units 单位", "The bureaus, townships, parks and companies that take on rectification work, as a tree. Items name them in roles (lead 牵头, responsible 责任, cooperating 配合, supervising 督导, acceptance 验收); a key bound to a unit sees its subtree only."),
        ("Inspections 督察来源", "Where feedback items come from: a central or provincial inspection (督察), its look-back (回头看), a warning film (警示片), a party inspection (巡察), a supervised case, a petition… Each carries the sign-off chain (销号) its items walk."),
        ("Items 整改任务", "The ledger (台账): each feedback item with its units, deadline, measures (整改措施), progress reports (进展), sign-off (销号), extensions (延期) and recurrences (反弹), its history, and a change feed for systems that pull."),
        ("Imports 台账导入", "Spreadsheet ledgers (CSV or XLSX, Chinese headers) taken in all rows or none."),
        ("Statistics 统计", "Counts and rates over the items a key may see, grouped by inspection, unit, category or status."),
        ("Reports 报表", "The office's regular reports made on demand: the daily overdue list (日碰头), the weekly progress (周推进), the monthly unit ranking (月评比) and the year-end summary (年终总结), as JSON, CSV, XLSX or text."),
        ("Report runs 定期报告", "Reports made on the schedule (or now, on request) and kept as they were made, to fetch again later."),
        ("Audit 审计", "The append-only, keyed hash chain of every change, its checkpoints, and a check that nothing was cut back or rewritten."),
        ("API clients 接口客户端", "The API keys: who may read, write, report, review or administer, optionally bound to a unit."),
        ("Webhooks 推送", "Signed POSTs (Standard Webhooks) to the systems that subscribe to events, with their deliveries, retries and redelivery."),
    ];

    /// <summary>Swagger UI lists the tags in the order a newcomer meets them, not alphabetically.</summary>
    private static int TagOrder(IList<object> metadata)
    {
        var tag = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "";
        var index = Array.FindIndex(Tags, t => t.Name == tag);
        return index < 0 ? Tags.Length : index;
    }

    /// <summary>Declares the tags in reading order with their descriptions.</summary>
    private sealed class TagDescriptions : IDocumentFilter
    {
        public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }

    /// <summary>
    /// Every operation behind a key also answers 401 (no or unknown key), 403 (scope missing) and 429 (rate limits).
    /// </summary>
    private sealed class AuthResponsesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var policy = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
            if (policy is null)
                return;
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or an unknown one (problem+json)." });
            operation.Responses.TryAdd("403", new OpenApiResponse
            {
                Description = $"The key lacks the '{policy}' scope, or the permission policy refuses this key this action on " +
                              "this object; `rule` names the rule (problem+json).",
            });
            operation.Responses.TryAdd("429", new OpenApiResponse
            {
                Description = "The key's request rate, or this address's failed authentications, are used up: retry after " +
                              "the seconds in Retry-After (problem+json).",
            });
            operation.Description = $"{operation.Description} Scope: {policy}.".Trim();
        }
    }

    /// <summary>
    /// PATCH and DELETE read If-Match themselves and need it; other operations that answer 412 honour it when sent.
    /// Declaring it lets Swagger UI send it.
    /// </summary>
    private sealed class IfMatchHeaderFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var required = context.ApiDescription.HttpMethod is "PATCH" or "DELETE";
            if (!required && operation.Responses?.ContainsKey("412") != true)
                return;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = required,
                Description = required
                    ? "The ETag you read, quotes included (e.g. \"3\"), a comma-separated list of them, or * for any version. Without it the answer is 428; with an old one, 412; one that is not an entity tag (3 without quotes), 400."
                    : "Optional: the ETag you read, quotes included; with an old one the answer is 412 and nothing changes; one that is not an entity tag (3 without quotes) is a 400.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = System.Text.Json.Nodes.JsonValue.Create("\"3\""),
            });
            operation.Responses ??= [];
            const string malformed = "If-Match is not an entity tag (e.g. 3 without quotes): `errors` names If-Match";
            if (!operation.Responses.TryAdd("400", new OpenApiResponse { Description = $"{malformed} (problem+json)." }) &&
                operation.Responses["400"] is OpenApiResponse invalid)
                invalid.Description = $"{invalid.Description}; or {malformed}.";
        }
    }

    /// <summary>
    /// POSTs of the groups that take Idempotency-Key declare it (optional), the 422 and 409 it can add, and the header
    /// that marks a replayed answer.
    /// </summary>
    private sealed class IdempotencyKeyHeaderFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.HttpMethod != "POST" ||
                !context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeys.Metadata>().Any())
                return;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Optional: a key of your own (1–255 visible ASCII characters; a new UUID per request is a " +
                              "good one) that makes retrying this POST safe. A retry with the same key and the same " +
                              "request gets the stored answer, marked Idempotent-Replayed: true, without running again; " +
                              "the same key with another request is a 422; while the first is still running, a 409. " +
                              "Keys are per API key and kept for Idempotency:RetentionHours (24 by default).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeys.MaxKeyLength },
            });
            operation.Responses ??= [];
            operation.Responses.TryAdd("422", new OpenApiResponse
            {
                Description = "The Idempotency-Key was already used for a different request (problem+json).",
            });
            const string inUse = "a request with the same Idempotency-Key is still running: retry later (problem+json).";
            var alone = new OpenApiResponse { Description = char.ToUpperInvariant(inUse[0]) + inUse[1..] };
            if (!operation.Responses.TryAdd("409", alone) && operation.Responses["409"] is OpenApiResponse conflict)
                conflict.Description = $"{conflict.Description}; or {inUse}";
            foreach (var (status, response) in operation.Responses)
            {
                if (!status.StartsWith('2') || response is not OpenApiResponse success)
                    continue;
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[IdempotencyKeys.ReplayedHeaderName] = new OpenApiHeader
                {
                    Description = "true when this is the stored answer to an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }
}
