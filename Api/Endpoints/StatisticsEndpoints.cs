using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Clients;
using Rectify.Application.Statistics;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/statistics").WithTags("Statistics 统计");

        group.MapGet("", GetStatistics).RequireAuthorization(Scopes.Read)
            .WithSummary("Statistics 统计")
            .WithDescription("""
                Counts and rates over the items the key may see, grouped by groupBy: inspection (督察来源, label = title), unit (单位, label = name), category (问题类别) or status (整改进度: not_started, in_progress, basically_completed, completed), plus the total of the whole set.
                Every group and the total carry: items (问题数), aspects (方面数: distinct aspects), notStarted (尚未启动), inProgress (正在推进), basicallyCompleted (基本完成), completed (已完成整改, signed-off included), completionRate (完成率 %, one decimal), dueByYearEnd (open items due by 31 December of the asOf year), awaitingSignOff (申请销号), returned (退回), signedOff (已销号), overdue (逾期: due before asOf and not completed), overdueAgainstOriginal (the same against the original due date, before extensions), measuresTotal (整改措施), measuresImplemented (已落实), measureRate (措施完成率 %), recurrences (反弹次数), recurredItems (反弹问题数).
                groupBy=unit groups by the units holding the lead (牵头) or responsible (责任) role, so an item with both is in both groups and groups need not add up to the total. rollUp=true (only with groupBy=unit) makes each unit's figures include the items of the units below it, each item once, and adds a group for the units above the holders (within a unit-bound key's own unit).
                Filters: inspectionId; unitId (any role) with includeSubUnits=true for the units below it. asOf (YYYY-MM-DD) defaults to today in the office's time zone.
                sort ranks the groups by one figure, highest first: items, completed, completion_rate, overdue, measure_rate, recurrences; groups that tie keep the default order (inspections by title, units in tree order, categories and statuses in the order of their values). Without sort, groups come in that default order.
                """)
            .ProducesProblems(Status400BadRequest);
        return app;
    }

    private static async Task<Ok<StatisticsResponse>> GetStatistics(ISender sender, CancellationToken cancellationToken,
        [WordsOf<StatisticsGroupBy>] string? groupBy = null, Guid? inspectionId = null, Guid? unitId = null, bool? includeSubUnits = null,
        DateOnly? asOf = null, bool? rollUp = null, [WordsOf<StatisticsSort>] string? sort = null) =>
        TypedResults.Ok(await sender.Send(new GetStatisticsQuery(
            QueryEnum.Parse<StatisticsGroupBy>(groupBy, "groupBy"), inspectionId, unitId, includeSubUnits ?? false, asOf,
            rollUp ?? false, QueryEnum.Parse<StatisticsSort>(sort, "sort")), cancellationToken));
}
