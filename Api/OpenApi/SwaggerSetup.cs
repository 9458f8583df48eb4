using Microsoft.OpenApi;
using Rectify.Api.Auth;
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

    /// <summary>Every operation behind a key also answers 401 (no or unknown key) and 403 (scope missing).</summary>
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
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The key lacks the '{policy}' scope (problem+json)." });
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
