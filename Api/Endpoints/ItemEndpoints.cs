using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Auditing;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using Rectify.Application.Items;
using Rectify.Application.Ledger;
using Rectify.Application.Common.Tables;
using Rectify.Domain.Common;
using Microsoft.Net.Http.Headers;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class ItemEndpoints
{
    public static IEndpointRouteBuilder MapItemEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/items").WithTags("Items 整改任务").WithETags().WithIdempotencyKeys();

        group.MapPost("", CreateItem).RequireAuthorization(Scopes.Write)
            .WithSummary("Add an item 新增反馈问题")
            .WithDescription("Adds a feedback item to an inspection. Code is unique within the inspection (409). Exactly one lead unit (leadUnitId) and any other units with a role (responsible, cooperating, supervising, acceptance); unknown or inactive units are a 400 naming the field. deadlineKinds is a set of immediate (立行立改), by_date (限期整改), ongoing (长期坚持); dueDate is required with by_date.")
            .ProducesProblems(Status400BadRequest, Status409Conflict);
        group.MapGet("", ListItems).RequireAuthorization(Scopes.Read)
            .WithSummary("List items 整改台账")
            .WithDescription("The ledger with filters. Enum values are snake_case: progressStatus (not_started, in_progress, basically_completed, completed), signOffStatus (none, requested, returned, signed_off), category (air, water, soil, solid_waste, ecology, noise, radiation, other), warningLevel (none, blue, yellow, red), inspectionKind, sort (created, due_date, updated_at, code). q matches code, title and description (Chinese substrings included); no index serves a substring match, so q scans the items the other filters leave — combine it with inspectionId, unitId, a status or a date range on a large ledger. Every sort pages by an index (keyset cursor); items without a due date come last in sort=due_date. unitId with includeSubUnits=true covers the units below. updatedSince is a simple filter; integrating systems pull changes from GET /api/v1/items/changes.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/export", ExportItems).RequireAuthorization(Scopes.Read)
            .WithSummary("Export the ledger 导出台账")
            .WithDescription("The items the list's filters select (the same query parameters as GET /api/v1/items, and its sort; no paging: every item) as a spreadsheet to open in Excel or hand upward. format = csv (default; UTF-8 with BOM, RFC 4180 quoting) | xlsx. One row per item, the Chinese headers in ledger order: 序号, 问题编号, 问题标题, 问题描述, 整改要求, 整改目标, 问题类别 (大气/水/土壤/固废/生态/噪声/辐射/其他), 属地, 行业, 方面, 是否重点 (是/否), 牵头单位, 责任单位, 配合单位, 督导单位, 验收单位 (units by name, several joined with 、 in name order), 责任人, 联系电话, 整改时限 (YYYY-MM-DD), 时限类型 (立行立改/限期整改/长期坚持, joined with 、), 整改措施 (one per line), 整改进展 (the latest progress report's summary), 完成情况 (尚未启动/正在推进/基本完成/已完成整改), 存在问题, 外部编号 (system:id, one per line). A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe so Excel shows it as text; import takes it off again, so an exported file imports back unchanged (POST /api/v1/imports). A unit-bound key exports its items only. Written out as it is read, in batches: a ledger of any size is never held in memory. A download named ledger-YYYY-MM-DD.csv or .xlsx (today in the office's time zone).")
            .Produces<Stream>(Status200OK, "text/csv", ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/changes", ListItemChanges).RequireAuthorization(Scopes.Read)
            .WithSummary("Pull changes 增量变更")
            .WithDescription("Items in the order their latest change committed, each once and as GET /api/v1/items/{id} shows it. Start without after; every answer carries nextToken — send it as after next time (when nothing is new it is the token you sent, so a poller simply keeps it). An empty items list means you are up to date. Following the tokens never skips a committed change, also while writes go on; an item changed again comes again, later, with its new version. A unit-bound key sees only its items. limit: default 50, max 200. A token this service did not issue is a 400 on after.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/by-ref/{system}/{externalId}", GetItemByRef).RequireAuthorization(Scopes.Read)
            .WithSummary("Get an item by another system's key 按外部编号查看")
            .WithDescription("The item carrying the reference {system}/{externalId} in externalRefs, as GET /api/v1/items/{id} shows it.")
            .ProducesProblems(Status404NotFound);
        group.MapPut("/by-ref/{system}/{externalId}", UpsertItemByRef).RequireAuthorization(Scopes.Write)
            .WithSummary("Create or replace an item by another system's key 按外部编号写入")
            .WithDescription("Takes the whole writable item, as for POST /api/v1/items. When no item carries the reference {system}/{externalId}, creates one (201 with Location; the reference is added to externalRefs); otherwise replaces the item's fields, units and deadline with the body (200; fields left out are cleared, the inspection cannot change). A PUT identical to what is stored answers 200 with the same version and writes no history event and no webhook event, so a system can push its whole ledger again safely. If-Match is honoured when sent (412 when stale), not required. Progress, sign-off, extensions and recurrence keep their own routes.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed);
        group.MapGet("/{id:guid}", GetItem).RequireAuthorization(Scopes.Read)
            .WithSummary("Get an item 查看问题")
            .WithDescription("The item with its derived deadline fields (isOverdue, overdueDays, dueInDays, warningLevel) computed for today in the office's time zone, and its ETag.")
            .ProducesProblems(Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateItem).RequireAuthorization(Scopes.Write)
            .WithSummary("Change an item 修改问题")
            .WithDescription("Changes the item's own fields; left out stays, null clears. Progress, sign-off, extensions and recurrence have their own routes. Needs If-Match (428 without, 412 when stale). When the due date moves, originalDueDate keeps the first one.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapGet("/{id:guid}/history", GetItemHistory).RequireAuthorization(Scopes.Read)
            .WithSummary("Item history 变更记录")
            .WithDescription("Every change to the item, its measures, progress, sign-off, extensions and recurrences: who (API client), when, the action and each changed field old → new. Append-only and hash-chained.")
            .ProducesProblems(Status404NotFound);

        group.MapGet("/{id:guid}/measures", ListMeasures).RequireAuthorization(Scopes.Read)
            .WithSummary("List measures 整改措施")
            .WithDescription("The item's measures in the order they were added, each implemented or not, with the date it was.")
            .ProducesProblems(Status404NotFound);
        group.MapPost("/{id:guid}/measures", AddMeasure).RequireAuthorization(Scopes.Write)
            .WithSummary("Add a measure 新增整改措施")
            .WithDescription("Adds a measure; the item's version moves on. Not on a completed item (409).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapPatch("/{id:guid}/measures/{measureId:guid}", UpdateMeasure).RequireAuthorization(Scopes.Report)
            .WithSummary("Change or implement a measure 落实整改措施")
            .WithDescription("Edits a measure or marks it implemented (implemented: true, implementedOn: date, today when left out). The item is the aggregate: send the item's ETag in If-Match.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed, Status428PreconditionRequired);

        group.MapPost("/{id:guid}/progress", ReportProgress).RequireAuthorization(Scopes.Report)
            .WithSummary("Report progress 报送进展")
            .WithDescription("A dated progress report with status, schedule assessment (on_schedule 序时推进, ahead 进展较快, behind 进展缓慢), quantity done, obstacles and evidence. The latest report drives the item's status. Progress only moves forward; completed needs every measure implemented (409 naming the open ones).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapGet("/{id:guid}/progress", ListProgress).RequireAuthorization(Scopes.Read)
            .WithSummary("List progress reports 进展记录")
            .WithDescription("The item's progress reports in the order they were filed, with their evidence; page with limit and cursor.")
            .ProducesProblems(Status404NotFound);

        group.MapPost("/{id:guid}/sign-off", RequestSignOff).RequireAuthorization(Scopes.Report)
            .WithSummary("Request sign-off 申请销号")
            .WithDescription("Only for a completed item (409 otherwise), with a summary and evidence. The request then walks the inspection's review steps.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapGet("/{id:guid}/sign-off", GetSignOff).RequireAuthorization(Scopes.Read)
            .WithSummary("Sign-off state 销号情况")
            .WithDescription("The chain, the step awaiting review, the current request and the whole review trail, earlier rounds included.")
            .ProducesProblems(Status404NotFound);
        group.MapPost("/{id:guid}/sign-off/approve", ApproveSignOff).RequireAuthorization(Scopes.Review)
            .WithSummary("Approve the current step 审核通过")
            .WithDescription("Records the step, reviewer, comment, document number and the item version approved; the last step signs the item off. `step` names the step being approved, as `pendingStep` shows it: a retried or concurrent approval of a step already decided answers 409 `step_already_decided` (another step: `step_mismatch`), never an approval of the next step. `If-Match` with the item's ETag is honoured when sent (412 when the item changed since it was read). 409 `no_pending_sign_off` when no request is pending.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed);
        group.MapPost("/{id:guid}/sign-off/return", ReturnSignOff).RequireAuthorization(Scopes.Review)
            .WithSummary("Return the request 退回")
            .WithDescription("Sends the request back to the unit with a reason; the unit can request again. `step` names the step returning it, as `pendingStep` shows it (409 `step_already_decided` or `step_mismatch` otherwise); `If-Match` is honoured when sent. 409 when no request is pending.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed);

        group.MapGet("/{id:guid}/extensions", ListExtensions).RequireAuthorization(Scopes.Read)
            .WithSummary("List extension requests 延期申请")
            .WithDescription("Every extension request of the item, pending or decided, with the due date it would replace.")
            .ProducesProblems(Status404NotFound);
        group.MapPost("/{id:guid}/extensions", RequestExtension).RequireAuthorization(Scopes.Report)
            .WithSummary("Request an extension 申请延期")
            .WithDescription("Before the deadline passes, a later date and the reason; at most one pending per item (409).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapPost("/{id:guid}/extensions/{extensionId:guid}/approve", ApproveExtension).RequireAuthorization(Scopes.Review)
            .WithSummary("Approve an extension 同意延期")
            .WithDescription("The due date moves to the requested one; originalDueDate keeps the first.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapPost("/{id:guid}/extensions/{extensionId:guid}/reject", RejectExtension).RequireAuthorization(Scopes.Review)
            .WithSummary("Reject an extension 不同意延期")
            .WithDescription("The request is closed as rejected; the due date stays as it was.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);

        group.MapPost("/{id:guid}/recurrences", RecordRecurrence).RequireAuthorization(Scopes.Review)
            .WithSummary("Record a recurrence 记录反弹")
            .WithDescription("On a completed or signed-off item found again (死灰复燃): the item reopens (progress in_progress, sign-off none, the new due date, recurrenceCount + 1). The earlier sign-off trail stays readable.")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict);
        group.MapGet("/{id:guid}/recurrences", ListRecurrences).RequireAuthorization(Scopes.Read)
            .WithSummary("List recurrences 反弹记录")
            .WithDescription("Each time the problem was found again: when, by whom, what, and the new due date it was given.")
            .ProducesProblems(Status404NotFound);
        return app;
    }

    /// <summary>A reviewer's approval of one sign-off step.</summary>
    public sealed record ApproveSignOffRequest(string Step, string ReviewerName, string? Comment, string? DocumentNumber);

    /// <summary>A reviewer's return of a sign-off request, with the reason.</summary>
    public sealed record ReturnSignOffRequest(string Step, string ReviewerName, string Reason);

    /// <summary>The office's decision on an extension request.</summary>
    public sealed record ExtensionDecisionRequest(string ReviewerName, string? Comment);

    private static async Task<Created<ItemResponse>> CreateItem(CreateItemCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var item = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/items/{item.Id}", item);
    }

    private static async Task<Ok<Page<ItemResponse>>> ListItems(ISender sender, CancellationToken cancellationToken,
        Guid? inspectionId = null, [WordsOf<InspectionKind>] string? inspectionKind = null, Guid? unitId = null, bool? includeSubUnits = null,
        [WordsOf<ProgressStatus>] string? progressStatus = null, [WordsOf<SignOffStatus>] string? signOffStatus = null, [WordsOf<ItemCategory>] string? category = null, bool? overdue = null,
        [WordsOf<WarningLevel>] string? warningLevel = null, DateOnly? dueFrom = null, DateOnly? dueTo = null, bool? isKey = null, string? q = null,
        DateTimeOffset? updatedSince = null, [WordsOf<ItemSort>] string? sort = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(ListQueryOf(inspectionId, inspectionKind, unitId, includeSubUnits, progressStatus,
            signOffStatus, category, overdue, warningLevel, dueFrom, dueTo, isKey, q, updatedSince, sort,
            ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<IResult> ExportItems(ISender sender, ITableWriter writer, CancellationToken cancellationToken,
        [WordsOf<TableFormat>] string? format = null, Guid? inspectionId = null, [WordsOf<InspectionKind>] string? inspectionKind = null, Guid? unitId = null,
        bool? includeSubUnits = null, [WordsOf<ProgressStatus>] string? progressStatus = null, [WordsOf<SignOffStatus>] string? signOffStatus = null, [WordsOf<ItemCategory>] string? category = null,
        bool? overdue = null, [WordsOf<WarningLevel>] string? warningLevel = null, DateOnly? dueFrom = null, DateOnly? dueTo = null, bool? isKey = null,
        string? q = null, DateTimeOffset? updatedSince = null, [WordsOf<ItemSort>] string? sort = null) =>
        new TableResult(await sender.Send(new ExportLedgerQuery(ListQueryOf(inspectionId, inspectionKind, unitId,
                includeSubUnits, progressStatus, signOffStatus, category, overdue, warningLevel, dueFrom, dueTo, isKey, q,
                updatedSince, sort, Cursor.DefaultLimit, null),
            QueryEnum.Parse<TableFormat>(format, "format") ?? TableFormat.Csv), cancellationToken), writer);

    /// <summary>The list's query parameters as the list query: shared by the list and the export.</summary>
    private static ListItemsQuery ListQueryOf(Guid? inspectionId, string? inspectionKind, Guid? unitId, bool? includeSubUnits,
        string? progressStatus, string? signOffStatus, string? category, bool? overdue, string? warningLevel,
        DateOnly? dueFrom, DateOnly? dueTo, bool? isKey, string? q, DateTimeOffset? updatedSince, string? sort, int limit,
        string? cursor) =>
        new(inspectionId, QueryEnum.Parse<InspectionKind>(inspectionKind, "inspectionKind"), unitId, includeSubUnits ?? false,
            QueryEnum.Parse<ProgressStatus>(progressStatus, "progressStatus"),
            QueryEnum.Parse<SignOffStatus>(signOffStatus, "signOffStatus"),
            QueryEnum.Parse<ItemCategory>(category, "category"), overdue,
            QueryEnum.Parse<WarningLevel>(warningLevel, "warningLevel"), dueFrom, dueTo, isKey, q, updatedSince,
            QueryEnum.Parse<ItemSort>(sort, "sort") ?? ItemSort.Created, limit, cursor);

    /// <summary>The ledger written straight to the response body while it is read, as a download (ledger-2026-11-28.csv).</summary>
    private sealed class TableResult(LedgerExport export, ITableWriter writer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = writer.ContentType(export.Format);
            response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
            {
                FileName = $"ledger-{export.Today:yyyy-MM-dd}.{Words.Of(export.Format)}",
            }.ToString();
            await writer.WriteAsync(export.Format, export.Headers, export.Rows, response.Body, httpContext.RequestAborted);
        }
    }

    private static async Task<Ok<ItemChangesResponse>> ListItemChanges(ISender sender, CancellationToken cancellationToken,
        string? after = null, int? limit = null) =>
        TypedResults.Ok(await sender.Send(new ListItemChangesQuery(after, ListQuery.LimitOrDefault(limit)), cancellationToken));

    private static async Task<Ok<ItemResponse>> GetItem(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetItemQuery(id), cancellationToken));

    private static async Task<Ok<ItemResponse>> GetItemByRef(string system, string externalId, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetItemByRefQuery(system, externalId), cancellationToken));

    private static async Task<Results<Created<ItemResponse>, Ok<ItemResponse>>> UpsertItemByRef(string system,
        string externalId, CreateItemCommand item, HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var (result, created) = await sender.Send(
            new UpsertItemByRefCommand(system, externalId, Versioning.OptionalIfMatch(request), item), cancellationToken);
        return created ? TypedResults.Created($"/api/v1/items/{result.Id}", result) : TypedResults.Ok(result);
    }

    private static async Task<Ok<ItemResponse>> UpdateItem(Guid id, ItemPatch patch, HttpRequest request, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateItemCommand(id, Versioning.IfMatch(request), patch), cancellationToken));

    private static async Task<Ok<Page<AuditEventResponse>>> GetItemHistory(Guid id, ISender sender,
        CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new GetItemHistoryQuery(id, ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Ok<IReadOnlyList<MeasureResponse>>> ListMeasures(Guid id, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListMeasuresQuery(id), cancellationToken));

    private static async Task<Created<MeasureChangeResponse>> AddMeasure(Guid id, AddMeasureCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var result = await sender.Send(command with { ItemId = id }, cancellationToken);
        return TypedResults.Created($"/api/v1/items/{id}/measures/{result.Measure.Id}", result);
    }

    private static async Task<Ok<MeasureChangeResponse>> UpdateMeasure(Guid id, Guid measureId, MeasurePatch patch,
        HttpRequest request, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateMeasureCommand(id, measureId, Versioning.IfMatch(request), patch),
            cancellationToken));

    private static async Task<Created<ProgressReportedResponse>> ReportProgress(Guid id, ReportProgressCommand command,
        ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command with { ItemId = id }, cancellationToken);
        return TypedResults.Created($"/api/v1/items/{id}/progress", result);
    }

    private static async Task<Ok<Page<ProgressReport>>> ListProgress(Guid id, ISender sender, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListProgressQuery(id, ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Ok<SignOffResponse>> RequestSignOff(Guid id, RequestSignOffCommand command, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command with { ItemId = id }, cancellationToken));

    private static async Task<Ok<SignOffResponse>> GetSignOff(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetSignOffQuery(id), cancellationToken));

    private static async Task<Ok<SignOffResponse>> ApproveSignOff(Guid id, ApproveSignOffRequest body, HttpRequest request,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReviewSignOffCommand(id, ReviewDecision.Approved, body.Step, body.ReviewerName,
            body.Comment, body.DocumentNumber, Versioning.OptionalIfMatch(request)), cancellationToken));

    private static async Task<Ok<SignOffResponse>> ReturnSignOff(Guid id, ReturnSignOffRequest body, HttpRequest request,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ReviewSignOffCommand(id, ReviewDecision.Returned, body.Step, body.ReviewerName,
            body.Reason, null, Versioning.OptionalIfMatch(request)), cancellationToken));

    private static async Task<Ok<IReadOnlyList<ExtensionResponse>>> ListExtensions(Guid id, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListExtensionsQuery(id), cancellationToken));

    private static async Task<Created<ExtensionChangeResponse>> RequestExtension(Guid id, RequestExtensionCommand command,
        ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command with { ItemId = id }, cancellationToken);
        return TypedResults.Created($"/api/v1/items/{id}/extensions", result);
    }

    private static async Task<Ok<ExtensionChangeResponse>> ApproveExtension(Guid id, Guid extensionId,
        ExtensionDecisionRequest body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DecideExtensionCommand(id, extensionId, ExtensionStatus.Approved,
            body.ReviewerName, body.Comment), cancellationToken));

    private static async Task<Ok<ExtensionChangeResponse>> RejectExtension(Guid id, Guid extensionId,
        ExtensionDecisionRequest body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DecideExtensionCommand(id, extensionId, ExtensionStatus.Rejected,
            body.ReviewerName, body.Comment), cancellationToken));

    private static async Task<Created<RecurrenceRecordedResponse>> RecordRecurrence(Guid id, RecordRecurrenceCommand command,
        ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command with { ItemId = id }, cancellationToken);
        return TypedResults.Created($"/api/v1/items/{id}/recurrences", result);
    }

    private static async Task<Ok<IReadOnlyList<Recurrence>>> ListRecurrences(Guid id, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRecurrencesQuery(id), cancellationToken));
}
