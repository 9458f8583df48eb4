using Microsoft.OpenApi;
using Rectify.Application.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>The <c>ETag</c> header on each success that carries one versioned resource (the version to send in If-Match).</summary>
internal sealed class ETagHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var type in context.ApiDescription.SupportedResponseTypes)
        {
            if (type.StatusCode is < 200 or > 299 || type.Type is null || !typeof(IVersioned).IsAssignableFrom(type.Type) ||
                operation.Responses?.GetValueOrDefault(type.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    is not OpenApiResponse response)
                continue;
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The resource's version as a strong entity tag, quotes included (e.g. \"3\"): send it " +
                              "as If-Match to change the resource.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = System.Text.Json.Nodes.JsonValue.Create("\"3\""),
            };
        }
    }
}
