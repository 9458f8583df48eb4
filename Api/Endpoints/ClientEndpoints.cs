using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Auth;
using Rectify.Api.Http;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("API clients 接口客户端").RequireAuthorization(Scopes.Admin)
            .WithETags().WithIdempotencyKeys();

        group.MapPost("", CreateClient)
            .WithSummary("Issue an API key 创建接口密钥")
            .WithDescription("Creates a client with scopes (read, write, report, review, admin) and, optionally, a unit it is bound to. The answer carries the key once; only its hash is stored.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("", ListClients)
            .WithSummary("List API clients 接口客户端列表")
            .WithDescription("Clients in creation order; keys are never shown again.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/{id:guid}", GetClient)
            .WithSummary("Get an API client 查看接口客户端")
            .WithDescription("The client's name, scopes and unit; never its key.")
            .ProducesProblems(Status404NotFound);
        group.MapDelete("/{id:guid}", DeactivateClient).ForgetsAuthenticatedClients()
            .WithSummary("Revoke an API key 停用接口密钥")
            .WithDescription("The client stays listed, and the audit trail keeps naming it, but its key stops working at once. Needs If-Match with the client's ETag (428 without, 412 when stale). Keys bound to a unit also stop working while that unit is inactive.")
            .ProducesProblems(Status404NotFound, Status412PreconditionFailed, Status428PreconditionRequired);
        return app;
    }

    private static async Task<Created<CreatedClientResponse>> CreateClient(CreateClientCommand command, ISender sender,
        CancellationToken cancellationToken)
    {
        var client = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/clients/{client.Id}", client);
    }

    private static async Task<Ok<ClientResponse>> DeactivateClient(Guid id, HttpRequest request, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new DeactivateClientCommand(id, Versioning.IfMatch(request)), cancellationToken));

    private static async Task<Ok<ClientResponse>> GetClient(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetClientQuery(id), cancellationToken));

    private static async Task<Ok<Page<ClientResponse>>> ListClients(ISender sender, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListClientsQuery(ListQuery.LimitOrDefault(limit), cursor), cancellationToken));
}
