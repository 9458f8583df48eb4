using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// Marks a string parameter that <c>QueryEnum.Parse&lt;TEnum&gt;</c> reads, so the document lists the same snake_case
/// words the parser accepts, taken from the enum itself.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class WordsOfAttribute<TEnum> : Attribute, IWordsOf where TEnum : struct, Enum
{
    public IEnumerable<string> Words => Enum.GetValues<TEnum>().Select(Rectify.Domain.Common.Words.Of);
}

public interface IWordsOf
{
    IEnumerable<string> Words { get; }
}

/// <summary>
/// Describes every path, query and header parameter. A name means the same wherever it appears (inspectionId is always
/// the inspection the items belong to), so the descriptions are kept here once, by name; enumerated parameters get
/// their values from <see cref="WordsOfAttribute{TEnum}"/>.
/// </summary>
internal sealed class ParameterDescriptions : IOperationFilter
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        ["limit"] = $"How many to return: 1 to {Cursor.MaxLimit}, {Cursor.DefaultLimit} when left out.",
        ["cursor"] = "Where the next page starts: the nextCursor of the previous page (left out for the first page).",
        ["after"] = "The nextToken of the previous answer; left out the first time, to start from the beginning.",
        ["extensionId"] = "The extension request's id, as listed by GET /api/v1/items/{id}/extensions.",
        ["measureId"] = "The measure's id, as listed by GET /api/v1/items/{id}/measures.",
        ["eventId"] = "The event's id: the webhook-id header of its delivery.",
        ["system"] = "The other system's name, as in the item's externalRefs (e.g. 12369 or 省督察系统).",
        ["externalId"] = "The item's key in that system.",
        ["inspectionId"] = "Only the items of this inspection.",
        ["inspectionKind"] = "Only the items of inspections of this kind.",
        ["unitId"] = "Only the items where this unit holds a role (any role unless the operation says otherwise).",
        ["includeSubUnits"] = "With unitId: also the items of the units below it. Default false.",
        ["progressStatus"] = "Only the items with this progress status (整改进度).",
        ["signOffStatus"] = "Only the items with this sign-off status (销号).",
        ["category"] = "Only the items of this category (问题类别).",
        ["overdue"] = "true: only the open items past their due date; false: only the others.",
        ["warningLevel"] = "Only the items at this deadline warning level (预警).",
        ["dueFrom"] = "Only the items due on or after this date (YYYY-MM-DD).",
        ["dueTo"] = "Only the items due on or before this date (YYYY-MM-DD).",
        ["isKey"] = "true: only key items (重点问题); false: only the others.",
        ["q"] = "A text to look for (Chinese substrings included); the operation's description says in which fields.",
        ["updatedSince"] = "Only the items changed at or after this instant (ISO 8601 with offset).",
        ["sort"] = "The order of the results; the operation's description says what each value means.",
        ["format"] = "The file to answer with; the operation's description says what each format holds.",
        ["kind"] = "Only those of this kind.",
        ["groupBy"] = "What the groups are: inspections, units, categories or progress statuses.",
        ["rollUp"] = "Only with groupBy=unit: each unit's figures include the units below it. Default false.",
        ["asOf"] = "The day the figures are for (YYYY-MM-DD); today in the office's time zone when left out.",
        ["since"] = "The start of the period whose changes are counted (YYYY-MM-DD, before asOf); asOf − 7 days when left out.",
        ["parentId"] = "Only the units directly below this one.",
        ["active"] = "true: only active units; false: only deactivated ones.",
        ["year"] = "Only the inspections of this year (e.g. 2026).",
        ["dryRun"] = "true: check everything and answer what would change, writing nothing. Default false.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var target in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(target.Description))
                target.Description = target.Name == "id" ? IdOf(context.ApiDescription.RelativePath) : ByName.GetValueOrDefault(target.Name ?? "");
            var words = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name == target.Name)?.ParameterInfo()
                ?.GetCustomAttributes(inherit: false).OfType<IWordsOf>().FirstOrDefault()?.Words.ToList();
            if (words is not null && target.Schema is OpenApiSchema schema)
                schema.Enum = words.Select(word => (JsonNode)JsonValue.Create(word)).ToList();
        }
    }

    /// <summary>"api/v1/report-runs/{id}" → "The report run's id."</summary>
    private static string IdOf(string? path)
    {
        var segments = (path ?? "").Split('/');
        var index = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
        var resource = index > 0 ? segments[index - 1].TrimEnd('s').Replace('-', ' ') : "resource";
        return $"The {resource}'s id (a UUID).";
    }
}
