using Microsoft.OpenApi;
using Rectify.Api.Auth;
using Rectify.Api.Http;
using Rectify.Application.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddRectifySwagger(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(options =>
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
            options.SchemaFilter<OptionalSchemaFilter>();
            options.OperationFilter<AuthResponsesFilter>();
            options.OperationFilter<IfMatchHeaderFilter>();
            options.OperationFilter<IdempotencyKeyHeaderFilter>();
            options.SupportNonNullableReferenceTypes();
        });

    private static readonly string[] TagsInReadingOrder = ["Units", "Inspections", "Items", "Statistics", "Audit", "API clients", "Webhooks"];

    /// <summary>Swagger UI lists the tags in the order a newcomer meets them, not alphabetically.</summary>
    private static int TagOrder(IList<object> metadata)
    {
        var tag = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "";
        var index = Array.FindIndex(TagsInReadingOrder, t => tag.StartsWith(t, StringComparison.Ordinal));
        return index < 0 ? TagsInReadingOrder.Length : index;
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
                    ? "The ETag you read, quotes included (e.g. \"3\"), or * for any version. Without it the answer is 428; with an old one, 412."
                    : "Optional: the ETag you read, quotes included; with an old one the answer is 412 and nothing changes.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
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

    /// <summary>Shows a PATCH field <c>Optional&lt;T&gt;</c> as plain <c>T</c>, as it travels on the wire.</summary>
    private sealed class OptionalSchemaFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema target || !context.Type.IsGenericType ||
                context.Type.GetGenericTypeDefinition() != typeof(Optional<>))
                return;
            var inner = context.SchemaGenerator.GenerateSchema(context.Type.GetGenericArguments()[0], context.SchemaRepository);
            target.Properties?.Clear();
            target.Required?.Clear();
            target.Type = null;
            target.AllOf = [inner];
        }
    }
}
