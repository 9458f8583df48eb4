using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Rectify.Application.Ledger;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Rectify.Api.OpenApi;

/// <summary>
/// Every body an operation takes is required (without one the answer is a 400), the import's file included. The body
/// Swagger UI pre-fills for each operation that takes JSON is an example as an office would send it: Chinese where a
/// person reads it. A PATCH example holds only the fields it changes, so sending it as it is changes nothing else.
/// Redocly's lint checks each example against its schema.
/// </summary>
internal sealed class RequestBodies : IOperationFilter
{
    private const string UnitId = "0195f3c2-6b1e-7c4a-9d2f-3a8b5c7e1d40";
    private const string OtherUnitId = "0195f3c2-6b1e-7c4a-9d2f-3a8b5c7e1d41";
    private const string InspectionId = "0195f3c2-7a10-7e55-8b3c-4d9e2f1a6b70";

    private static readonly Dictionary<string, string> ByOperation = new(StringComparer.Ordinal)
    {
        ["createUnit"] = $$"""
            {"code": "XHZ-ZF", "name": "新河镇人民政府", "kind": "township", "parentId": "{{UnitId}}",
             "contactName": "王建国", "contactPhone": "0571-88201234"}
            """,
        ["updateUnit"] = """{"contactName": "李晓燕", "contactPhone": "13805712345"}""",
        ["createInspection"] = """
            {"kind": "provincial_inspection", "level": "provincial", "title": "第三轮省生态环境保护督察", "round": 3,
             "teamName": "省第二生态环境保护督察组", "year": 2026, "feedbackDate": "2026-03-10", "planDueDate": "2026-12-31",
             "documentNumber": "浙环督〔2026〕12号", "signOffSteps": ["县整改办审核", "市整改办销号"]}
            """,
        ["updateInspection"] = """{"planDueDate": "2027-06-30"}""",
        ["createItem"] = Item,
        ["upsertItemByRef"] = Item,
        ["updateItem"] = """{"title": "新河镇污水处理厂出水总磷超标", "dueDate": "2026-09-30"}""",
        ["addMeasure"] = $$"""
            {"description": "完成污水处理厂提标改造，出水执行一级A标准", "unitId": "{{OtherUnitId}}", "dueDate": "2026-08-31"}
            """,
        ["updateMeasure"] = """{"implemented": true, "implementedOn": "2026-08-20"}""",
        ["reportProgress"] = """
            {"reportedOn": "2026-06-30", "summary": "提标改造主体工程已完工，正在调试设备，出水总磷已降至0.4mg/L。",
             "progressStatus": "in_progress", "scheduleStatus": "on_schedule", "quantityDone": 2,
             "obstacles": "进口膜组件到货延迟两周。",
             "evidence": [{"name": "调试记录.pdf", "uri": "https://files.example.gov.cn/rectify/2026/tiaoshi.pdf"}]}
            """,
        ["requestSignOff"] = """
            {"summary": "提标改造完成，连续30日出水总磷达标，申请销号。",
             "evidence": [{"name": "第三方检测报告.pdf", "uri": "https://files.example.gov.cn/rectify/2026/jiance.pdf"}]}
            """,
        ["approveSignOff"] = """
            {"step": "县整改办审核", "reviewerName": "张伟", "comment": "材料齐全，同意。", "documentNumber": "新整改办〔2026〕45号"}
            """,
        ["returnSignOff"] = """{"step": "县整改办审核", "reviewerName": "张伟", "reason": "缺少连续30日在线监测数据，请补充后重新申请。"}""",
        ["requestExtension"] = """{"requestedDueDate": "2026-12-31", "reason": "管网改造涉及道路开挖，需避开汛期施工。"}""",
        ["approveExtension"] = """{"reviewerName": "张伟", "comment": "同意延期至年底。"}""",
        ["rejectExtension"] = """{"reviewerName": "张伟", "comment": "不符合延期条件，请按原时限完成。"}""",
        ["recordRecurrence"] = """
            {"detectedOn": "2026-10-12", "detectedBy": "市生态环境局暗访组", "description": "夜间再次发现出水总磷超标排放。",
             "newDueDate": "2026-11-30"}
            """,
        ["createReportRun"] = """{"kind": "progress", "period": "2026-W48"}""",
        ["verifyAuditTrailAgainstCheckpoint"] = $$"""
            {"id": "0195f3c2-9c31-7d02-a6e4-1b2c3d4e5f60", "createdAt": "2026-11-28T16:00:00+00:00",
             "heads": [{"entityType": "item", "entityId": "0195f3c2-8d20-7b11-9f5e-6a7b8c9d0e1f", "length": 12,
                        "hash": "k6Qm2n3JtY8cU0v1wXz4AbCdEfGhIjKlMnOpQrStUvw="}],
             "signature": "c2lnbmF0dXJlLW9mLXRoZS1jaGVja3BvaW50LWFzLWdpdmVu"}
            """,
        ["createClient"] = $$"""{"name": "新河镇整改专班", "scopes": ["read", "report"], "unitId": "{{UnitId}}"}""",
        ["createWebhook"] = $$"""
            {"url": "https://oa.example.gov.cn/hooks/rectify", "events": ["item.created", "item.progress_reported"],
             "unitId": "{{UnitId}}", "description": "县政务协同平台"}
            """,
        ["updateWebhook"] = """{"active": true}""",
    };

    private const string Item = $$"""
        {"inspectionId": "{{InspectionId}}", "code": "SD3-017", "title": "新河镇污水处理厂出水总磷超标",
         "description": "督察发现新河镇污水处理厂2025年以来多次出现出水总磷超标，最高超标1.8倍。",
         "requirement": "立即查明原因，限期完成提标改造，确保稳定达标排放。", "target": "出水稳定达到一级A标准",
         "category": "water", "area": "新河镇", "industry": "污水处理", "aspect": "水污染防治", "isKey": true,
         "leadUnitId": "{{UnitId}}", "units": [{"unitId": "{{OtherUnitId}}", "role": "responsible"}],
         "responsiblePerson": "陈志强", "responsiblePhone": "13905710001", "deadlineKinds": ["by_date"],
         "dueDate": "2026-08-31", "quantity": {"target": 2, "unit": "套"},
         "externalRefs": [{"system": "省督察系统", "id": "ZJ-2026-0317"}]}
        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is not OpenApiRequestBody body)
            return;
        body.Required = true;
        if (body.Content?.TryGetValue("multipart/form-data", out var form) == true && form.Schema is OpenApiSchema fields &&
            fields.Properties?.TryGetValue("file", out var file) == true && file is OpenApiSchema upload)
        {
            (fields.Required ??= new HashSet<string>()).Add("file");
            upload.Description = "The ledger: CSV (UTF-8, with or without BOM, or GB18030/GBK) or XLSX (its first sheet), up to " +
                                 $"{ImportLedgerCommand.MaxBytes / (1024 * 1024)} MiB.";
        }
        if (operation.OperationId is { } id && ByOperation.TryGetValue(id, out var example) &&
            body.Content?.TryGetValue("application/json", out var json) == true && json is OpenApiMediaType media)
            media.Example = JsonNode.Parse(example);
    }

    /// <summary>The operations that have an example, for the test that every JSON body has one.</summary>
    public static IReadOnlyCollection<string> Operations => ByOperation.Keys;
}
