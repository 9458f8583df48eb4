using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// Settles each property's <c>nullable</c> from its C# declaration, including the <c>T</c> of a PATCH field and
/// properties whose schema is a <c>$ref</c> (wrapped as <c>allOf</c>, since a bare <c>$ref</c> cannot say null: the
/// server sends <c>quantity</c> as null when an item has none). Non-nullable members are required; so is a member the
/// type's validator refuses to go without (<c>NotNull</c>/<c>NotEmpty</c> with no condition), such as an item's
/// <c>category</c>, declared nullable only so that leaving it out is a 400 rather than the first category.
/// </summary>
internal sealed class MemberSchemas(IServiceScopeFactory scopes) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties)
            return;
        var demanded = DemandedByValidator(context.Type);
        // Not thread-safe, and two requests may generate the document at once.
        var nullability = new NullabilityInfoContext();
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = properties.Keys.FirstOrDefault(k => string.Equals(k, member.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                continue;
            var nullable = IsNullable(member, nullability) && !demanded.Contains(member.Name);
            if (demanded.Contains(member.Name))
                (target.Required ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
            switch (properties[name])
            {
                case OpenApiSchemaReference reference when nullable:
                    // OpenAPI 3.0 allows nullable only beside a type: the referenced schema's own.
                    var referencedType = reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var referenced)
                        ? referenced.Type ?? JsonSchemaType.Object
                        : JsonSchemaType.Object;
                    properties[name] = new OpenApiSchema { AllOf = [reference], Type = referencedType | JsonSchemaType.Null };
                    break;
                case OpenApiSchema concrete when concrete.Type is { } type && concrete.AllOf is not { Count: > 0 }:
                    concrete.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                    break;
            }
        }
    }

    /// <summary>The members the type's validator refuses to go without, whatever else is sent.</summary>
    private HashSet<string> DemandedByValidator(Type type)
    {
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            return [];
        return validator.CreateDescriptor().Rules
            .Where(rule => rule.PropertyName is not null && rule.Components.Any(c =>
                c.Validator is INotNullValidator or INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition))
            .Select(rule => rule.PropertyName!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsNullable(PropertyInfo member, NullabilityInfoContext nullability)
    {
        var info = nullability.Create(member);
        if (OptionalMembers.ValueType(member.PropertyType) is { } value)
            return Nullable.GetUnderlyingType(value) is not null ||
                   (!value.IsValueType && info.GenericTypeArguments[0].ReadState == NullabilityState.Nullable);
        return Nullable.GetUnderlyingType(member.PropertyType) is not null || info.ReadState == NullabilityState.Nullable;
    }
}

/// <summary>
/// The server writes every property of a response, null ones included, so in a schema that only responses use every
/// property is required (and those that can be null are nullable). Schemas that requests use too keep the request's
/// rule: the non-nullable members are required.
/// </summary>
internal sealed class ResponsesSendEveryProperty : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
            return;
        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToList() ?? [];
        var fromRequests = Reachable(schemas, operations.SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .Select(c => c.Schema));
        var fromResponses = Reachable(schemas, operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? [])
            .SelectMany(r => r.Content?.Values.AsEnumerable() ?? []).Select(c => c.Schema));
        foreach (var id in fromResponses.Except(fromRequests).Where(id => !ProblemSchemas.Ids.Contains(id)))
            if (schemas[id] is OpenApiSchema { Properties.Count: > 0 } schema)
                schema.Required = new SortedSet<string>(schema.Properties.Keys, StringComparer.Ordinal);
    }

    /// <summary>The ids of the component schemas these schemas refer to, directly or through others.</summary>
    private static HashSet<string> Reachable(IDictionary<string, IOpenApiSchema> schemas, IEnumerable<IOpenApiSchema?> roots)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (found.Add(id) && schemas.TryGetValue(id, out var target))
                    pending.Push(target);
                continue;
            }
            foreach (var child in Children(schema))
                pending.Push(child);
        }
        return found;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
        .Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>();
}
