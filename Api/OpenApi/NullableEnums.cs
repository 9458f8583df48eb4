using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// An enum that is nullable wherever it is used (an item's schedule status) becomes a nullable component referred to
/// bare. <see cref="MemberSchemas"/> writes a nullable reference as <c>allOf</c> beside the referenced type, which is
/// valid OpenAPI 3.0, but client generators then type the field as that plain type (a string) instead of the enum.
/// An enum also used where it cannot be null keeps the wrapper.
/// </summary>
internal sealed class NullableEnums : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Components?.Schemas is not { } schemas)
            return;
        var uses = schemas.Values.OfType<OpenApiSchema>()
            .SelectMany(owner => (owner.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Select(property => (Owner: owner, property.Key, Schema: property.Value)))
            .ToList();
        foreach (var (id, component) in schemas)
        {
            if (component is not OpenApiSchema { Enum.Count: > 0, Type: { } type } words)
                continue;
            var referring = uses.Where(use => ReferenceOf(use.Schema) is ({ } reference, _) && reference.Reference.Id == id).ToList();
            if (referring.Count == 0 || referring.Any(use => ReferenceOf(use.Schema) is (_, Nullable: false)))
                continue;
            words.Type = type | JsonSchemaType.Null;
            words.Enum.Add(null!);
            foreach (var use in referring)
                use.Owner.Properties![use.Key] = ReferenceOf(use.Schema)!.Value.Reference;
        }
    }

    /// <summary>The schema a property refers to, and whether it may be null there (a list's items never are).</summary>
    private static (OpenApiSchemaReference Reference, bool Nullable)? ReferenceOf(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference bare => (bare, false),
        OpenApiSchema { Items: OpenApiSchemaReference item } => (item, false),
        OpenApiSchema { AllOf: [OpenApiSchemaReference wrapped], Type: { } type } when type.HasFlag(JsonSchemaType.Null) => (wrapped, true),
        _ => null,
    };
}
