using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Items;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// Examples for the text fields a person reads in an answer (titles, unit names, measures, progress), so Swagger UI's
/// example responses look like a ledger rather than "string".
/// </summary>
internal sealed class PropertyExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, Dictionary<string, string>> ByType = new()
    {
        [typeof(UnitResponse)] = new()
        {
            ["code"] = "XHZ-ZF", ["name"] = "新河镇人民政府", ["contactName"] = "王建国", ["contactPhone"] = "0571-88201234",
        },
        [typeof(InspectionResponse)] = new()
        {
            ["title"] = "第三轮省生态环境保护督察", ["teamName"] = "省第二生态环境保护督察组", ["documentNumber"] = "浙环督〔2026〕12号",
        },
        [typeof(ItemResponse)] = new()
        {
            ["code"] = "SD3-017",
            ["title"] = "新河镇污水处理厂出水总磷超标",
            ["description"] = "督察发现新河镇污水处理厂2025年以来多次出现出水总磷超标，最高超标1.8倍。",
            ["requirement"] = "立即查明原因，限期完成提标改造，确保稳定达标排放。",
            ["target"] = "出水稳定达到一级A标准",
            ["area"] = "新河镇",
            ["industry"] = "污水处理",
            ["aspect"] = "水污染防治",
            ["responsiblePerson"] = "陈志强",
            ["responsiblePhone"] = "13905710001",
            ["signOffStep"] = "县整改办审核",
            ["obstacles"] = "进口膜组件到货延迟两周。",
        },
        [typeof(QuantityResponse)] = new() { ["unit"] = "套" },
        [typeof(MeasureResponse)] = new() { ["description"] = "完成污水处理厂提标改造，出水执行一级A标准" },
        [typeof(ProgressReport)] = new()
        {
            ["summary"] = "提标改造主体工程已完工，正在调试设备，出水总磷已降至0.4mg/L。", ["obstacles"] = "进口膜组件到货延迟两周。",
        },
        [typeof(ExtensionResponse)] = new() { ["reason"] = "管网改造涉及道路开挖，需避开汛期施工。", ["reviewerName"] = "张伟", ["comment"] = "同意延期至年底。" },
        [typeof(Recurrence)] = new() { ["detectedBy"] = "市生态环境局暗访组", ["description"] = "夜间再次发现出水总磷超标排放。" },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || !ByType.TryGetValue(context.Type, out var examples))
            return;
        foreach (var (name, example) in examples)
            if (properties[name] is OpenApiSchema property)
                property.Examples = [JsonValue.Create(example)];
    }
}
