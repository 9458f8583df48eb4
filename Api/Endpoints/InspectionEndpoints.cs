using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Api.OpenApi;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using Rectify.Application.Inspections;
using Rectify.Domain.Inspections;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class InspectionEndpoints
{
    public static IEndpointRouteBuilder MapInspectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/inspections").WithTags("Inspections 督察来源").WithETags().WithIdempotencyKeys();

        group.MapPost("", CreateInspection).RequireAuthorization(Scopes.Write)
            .WithSummary("Register an inspection 新增督察来源")
            .WithDescription("A source of feedback items: kind (central_inspection, central_lookback, provincial_inspection, provincial_lookback, warning_film, party_inspection, supervision_case, petition, self_inspection, campaign), level, round, batch, team, year, feedback date, document number, and signOffSteps — the ordered review chain its items walk for 销号. Without signOffSteps the configured default of the kind applies.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("", ListInspections).RequireAuthorization(Scopes.Read)
            .WithSummary("List inspections 督察来源列表")
            .WithDescription("Filter by kind (snake_case), year, or a text in title, team or document number.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/{id:guid}", GetInspection).RequireAuthorization(Scopes.Read)
            .WithSummary("Get an inspection 查看督察来源")
            .WithDescription("One inspection with its sign-off chain and its ETag (the version), needed to change it.")
            .ProducesProblems(Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateInspection).RequireAuthorization(Scopes.Write)
            .WithSummary("Change an inspection 修改督察来源")
            .WithDescription("Only the fields present change; null clears an optional one. Needs If-Match (428 without, 412 when stale).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        return app;
    }

    private static async Task<Created<InspectionResponse>> CreateInspection(CreateInspectionCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var inspection = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/inspections/{inspection.Id}", inspection);
    }

    private static async Task<Ok<Page<InspectionResponse>>> ListInspections(ISender sender, CancellationToken cancellationToken,
        [WordsOf<InspectionKind>] string? kind = null, int? year = null, string? q = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListInspectionsQuery(QueryEnum.Parse<InspectionKind>(kind, "kind"), year, q,
            ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Ok<InspectionResponse>> GetInspection(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInspectionQuery(id), cancellationToken));

    private static async Task<Ok<InspectionResponse>> UpdateInspection(Guid id, InspectionPatch patch, HttpRequest request,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateInspectionCommand(id, Versioning.IfMatch(request), patch), cancellationToken));
}
