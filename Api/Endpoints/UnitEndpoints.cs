using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Auth;
using Rectify.Api.Http;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using Rectify.Application.Units;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Units 单位").WithETags().WithIdempotencyKeys();

        group.MapPost("", CreateUnit).RequireAuthorization(Scopes.Admin)
            .WithSummary("Add a unit 新增单位")
            .WithDescription("Adds a unit (bureau, township, park…) under an optional parent. The code is unique (409 when taken).")
            .ProducesProblems(Status400BadRequest, Status409Conflict);
        group.MapGet("", ListUnits).RequireAuthorization(Scopes.Read)
            .WithSummary("List units 单位列表")
            .WithDescription("Units in creation order, filtered by parent, active flag or a text in code or name. Page with limit and the nextCursor of the previous page.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/{id:guid}", GetUnit).RequireAuthorization(Scopes.Read)
            .WithSummary("Get a unit 查看单位")
            .WithDescription("One unit with its ETag (its version), needed to change it.")
            .ProducesProblems(Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateUnit).RequireAuthorization(Scopes.Admin).ForgetsAuthenticatedClients()
            .WithSummary("Change a unit 修改单位")
            .WithDescription("Changes only the fields present in the body; null clears a field. Moving a unit under itself or one of its sub-units is refused (409). Needs If-Match with the ETag read (428 without, 412 when stale).")
            .ProducesProblems(Status400BadRequest, Status404NotFound, Status409Conflict, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapDelete("/{id:guid}", DeactivateUnit).RequireAuthorization(Scopes.Admin).ForgetsAuthenticatedClients()
            .WithSummary("Deactivate a unit 停用单位")
            .WithDescription("Units are never removed, because items and the audit trail refer to them: DELETE marks the unit inactive, so no new work can be assigned to it. Needs If-Match.")
            .ProducesProblems(Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        return app;
    }

    private static async Task<Created<UnitResponse>> CreateUnit(CreateUnitCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var unit = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/units/{unit.Id}", unit);
    }

    private static async Task<Ok<Page<UnitResponse>>> ListUnits(ISender sender, CancellationToken cancellationToken,
        Guid? parentId = null, bool? active = null, string? q = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListUnitsQuery(parentId, active, q, ListQuery.LimitOrDefault(limit), cursor),
            cancellationToken));

    private static async Task<Ok<UnitResponse>> GetUnit(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetUnitQuery(id), cancellationToken));

    private static async Task<Ok<UnitResponse>> UpdateUnit(Guid id, UnitPatch patch, HttpRequest request, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new UpdateUnitCommand(id, Versioning.IfMatch(request), patch), cancellationToken));

    private static async Task<Ok<UnitResponse>> DeactivateUnit(Guid id, HttpRequest request, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DeactivateUnitCommand(id, Versioning.IfMatch(request)), cancellationToken));
}
