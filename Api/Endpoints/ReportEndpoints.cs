using Mediator;
using Microsoft.Net.Http.Headers;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Clients;
using Rectify.Application.Reports;
using Rectify.Domain.Common;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class ReportEndpoints
{
    private const string Common = """
        Query: asOf (YYYY-MM-DD, default today in the office's time zone), inspectionId, unitId (items where the unit or one below it holds any role), format = json (default) | csv (UTF-8 with BOM, one block per section: title line, Chinese headers, rows) | xlsx (one sheet per section) | text (the summary's sentences; other reports give their figures as name: value lines). A unit-bound key sees the items of its subtree only; an unknown or invisible unit or inspection is a 404.
        JSON: {kind, asOf, generatedAt, scope, run, figures, sentences, sections[{name, title, columns[{key, header}], rows[{key: value}]}]}; the same shape a stored run keeps.
        """;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports 报表");

        Describe(group.MapGet("/overdue", GetOverdueReport), "Overdue report 逾期问题日报 (日碰头)", """
            The open items past their due date as of asOf (section overdue: code, title, inspection, leadUnit, dueDate, originalDueDate, daysOverdue, progressStatus, scheduleStatus, obstacles, warningLevel) and those due within the warning window, asOf to asOf + the blue threshold (section dueSoon, with dueInDays), both ordered by the lead unit's place in the unit tree, then due date. Section units: per lead unit its own counts and those with the units below it (each item counts once, for its lead unit). Figures: overdue, dueSoon, dueSoonDays, overdueLeadUnits. Streamed: large ledgers are written out as they are read.
            """);
        Describe(group.MapGet("/progress", GetProgressReport), "Progress report 整改进展周报 (周推进)", """
            Per inspection: items, completed (已完成整改), inProgress (尚在推进整改中: not completed), awaitingSignOff (已完成待销号), signedOff, measureRate (%), dueByYearEnd, and what changed after since up to asOf: newlyCompleted, newlySignedOff (by office day), newlyOverdue (open items due in [since, asOf)). since (YYYY-MM-DD, before asOf; progress only) defaults to asOf − 7 days.
            """);
        Describe(group.MapGet("/ranking", GetRankingReport), "Unit ranking 单位月评比", """
            The units ranked by the items they lead (牵头): completionRate (completed / items), overdue (open past the due date), onTimeRate (completed on or before the original due date — the first one set, before extensions — over the items completed or open past their original due date). Order: completionRate desc, overdue asc, onTimeRate desc, unit code asc. With a unit key or unitId, the units of that subtree are ranked.
            """);
        Describe(group.MapGet("/summary", GetSummaryReport), "Year-end summary 年度整改总结", """
            Per inspection the sentences of a year-end report, written from the data: "第一轮省环保督察反馈问题N个，已完成整改N个，尚在推进整改中N个，未完成整改问题需要限期YYYY年底之前完成的N个。", for a party inspection (巡察) "…反馈N方面N个具体问题，N条整改措施；完成整改N个，占N%；N条整改措施已完成N条，占N%。", sign-off and recurrences (反弹); the figures behind them per inspection (section inspections) and in total. format=text gives the sentences as plain UTF-8 text, one per line.
            """);
        return app;
    }

    private static void Describe(RouteHandlerBuilder route, string summary, string description) =>
        route.RequireAuthorization(Scopes.Read)
            .WithSummary(summary)
            .WithDescription(description + Common)
            .Produces<Stream>(Status200OK, "application/json",
                ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"])
            .ProducesProblems(Status400BadRequest, Status404NotFound);

    private static Task<IResult> GetOverdueReport(ISender sender, IReportRenderer renderer, CancellationToken cancellationToken,
        DateOnly? asOf = null, Guid? inspectionId = null, Guid? unitId = null, [WordsOf<ReportFormat>] string? format = null) =>
        ReportAsync(sender, renderer, new GetReportQuery(ReportKind.Overdue, Format(format), asOf, inspectionId, unitId),
            cancellationToken);

    private static Task<IResult> GetProgressReport(ISender sender, IReportRenderer renderer, CancellationToken cancellationToken,
        DateOnly? asOf = null, Guid? inspectionId = null, Guid? unitId = null, DateOnly? since = null, [WordsOf<ReportFormat>] string? format = null) =>
        ReportAsync(sender, renderer, new GetReportQuery(ReportKind.Progress, Format(format), asOf, inspectionId, unitId, since),
            cancellationToken);

    private static Task<IResult> GetRankingReport(ISender sender, IReportRenderer renderer, CancellationToken cancellationToken,
        DateOnly? asOf = null, Guid? inspectionId = null, Guid? unitId = null, [WordsOf<ReportFormat>] string? format = null) =>
        ReportAsync(sender, renderer, new GetReportQuery(ReportKind.Ranking, Format(format), asOf, inspectionId, unitId),
            cancellationToken);

    private static Task<IResult> GetSummaryReport(ISender sender, IReportRenderer renderer, CancellationToken cancellationToken,
        DateOnly? asOf = null, Guid? inspectionId = null, Guid? unitId = null, [WordsOf<ReportFormat>] string? format = null) =>
        ReportAsync(sender, renderer, new GetReportQuery(ReportKind.Summary, Format(format), asOf, inspectionId, unitId),
            cancellationToken);

    private static ReportFormat Format(string? format) => QueryEnum.Parse<ReportFormat>(format, "format") ?? ReportFormat.Json;

    private static async Task<IResult> ReportAsync(ISender sender, IReportRenderer renderer, GetReportQuery query,
        CancellationToken cancellationToken)
    {
        var document = await sender.Send(query, cancellationToken);
        return new ReportResult(document, query.Format ?? ReportFormat.Json, renderer);
    }

    /// <summary>
    /// Writes the document straight to the response body while its sections are read, so a large report is never held
    /// whole; CSV, XLSX and text come as a download named after the report and its day (overdue-2026-11-28.csv).
    /// </summary>
    private sealed class ReportResult(ReportDocument document, ReportFormat format, IReportRenderer renderer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = renderer.ContentType(format);
            if (format != ReportFormat.Json)
            {
                var extension = format == ReportFormat.Text ? "txt" : Words.Of(format);
                response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
                {
                    FileName = $"{Words.Of(document.Kind)}-{document.AsOf:yyyy-MM-dd}.{extension}",
                }.ToString();
            }
            await renderer.WriteAsync(document, format, response.Body, httpContext.RequestAborted);
        }
    }
}
