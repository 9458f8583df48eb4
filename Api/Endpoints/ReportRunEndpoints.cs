using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using Rectify.Application.Reports;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class ReportRunEndpoints
{
    public static IEndpointRouteBuilder MapReportRunEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/report-runs").WithTags("Report runs 定期报告").WithIdempotencyKeys();

        group.MapPost("", CreateReportRun).RequireAuthorization(Scopes.Admin)
            .WithSummary("Run a report now 立即生成报告")
            .WithDescription("""
                Makes and stores a run of kind (overdue 日碰头逾期清单, progress 周推进, ranking 月评比, summary 年终总结) for period, and sends it as a report.generated webhook event. period is named by the kind's schedule: 2026 (yearly), 2026-12 (monthly), 2026-W49 (ISO week), 2026-11-28 (daily); absent, it is the period of the schedule's latest fire. A past period is reported as of its last day, the current one as of today. The overdue report first raises item.overdue for items newly overdue, as its scheduled runs do. A period that has not begun, or is not spelled as the schedule names periods, is a 400; a period already made is a 409 naming its run (one run per kind and period, scheduled or not).
                """)
            .ProducesProblems(Status400BadRequest, Status409Conflict);
        group.MapGet("", ListReportRuns).RequireAuthorization(Scopes.Read)
            .WithSummary("List report runs 定期报告列表")
            .WithDescription("Stored runs, newest first, optionally of one kind: id, kind, period, asOf, generatedAt, trigger (scheduled or manual), the headline figures and sizes. Runs cover the whole office, so unit-bound keys get 403 (office_only).")
            .ProducesProblems(Status400BadRequest, Status403Forbidden);
        group.MapGet("/{id:guid}", GetReportRun).RequireAuthorization(Scopes.Read)
            .WithSummary("Fetch a report run 下载定期报告")
            .Produces<Stream>(Status200OK, "application/json",
                ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"])
            .WithDescription("The run's document as it was made: format=json (default, as stored), csv (UTF-8 with BOM, Chinese headers), xlsx (one sheet per section) or text (the summary's sentences), as a file named like overdue-2026-11-28.xlsx. Office keys only (403 office_only).")
            .ProducesProblems(Status400BadRequest, Status403Forbidden, Status404NotFound);
        return app;
    }

    private static async Task<Created<ReportRunResponse>> CreateReportRun(RunReportCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        if (command.Kind == ReportKind.Overdue)
            await OverdueNotices.RaiseAllAsync(sender, cancellationToken);
        var run = await sender.Send(command, cancellationToken);
        return TypedResults.Created(run.Href, run);
    }

    private static async Task<Ok<Page<ReportRunResponse>>> ListReportRuns(ISender sender, CancellationToken cancellationToken,
        [WordsOf<ReportKind>] string? kind = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListReportRunsQuery(QueryEnum.Parse<ReportKind>(kind, "kind"),
            ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<PushStreamHttpResult> GetReportRun(Guid id, ISender sender, IReportRenderer renderer,
        CancellationToken cancellationToken, [WordsOf<ReportFormat>] string? format = null)
    {
        var wanted = QueryEnum.Parse<ReportFormat>(format, "format") ?? ReportFormat.Json;
        var content = await sender.Send(new GetReportRunQuery(id), cancellationToken);
        return TypedResults.Stream(async body =>
        {
            await using var json = content.Json;
            if (wanted == ReportFormat.Json)
                await json.CopyToAsync(body, cancellationToken);
            else
                await renderer.WriteAsync(await renderer.ReadJsonAsync(json, cancellationToken), wanted, body, cancellationToken);
        }, renderer.ContentType(wanted), content.FileName(Extension(wanted)));
    }

    private static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Json => "json",
        ReportFormat.Csv => "csv",
        ReportFormat.Xlsx => "xlsx",
        _ => "txt",
    };
}
