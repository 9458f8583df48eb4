using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Api.Http;
using Rectify.Application.Auditing;
using Rectify.Application.Clients;
using Rectify.Application.Common.Paging;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Rectify.Api.Endpoints;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit 审计").RequireAuthorization(Scopes.Admin).WithIdempotencyKeys();
        group.MapGet("/verify", VerifyAuditTrail)
            .WithSummary("Verify the audit trail 校验审计链")
            .WithDescription("Re-computes every chain of the audit trail with the audit key (HMAC-SHA256), checks each entity's version against its number of events and that every chain's entity still exists, and compares the chains with the newest stored checkpoint. Lists every problem found (kind, entityType, entityId, chainIndex, reason); firstBrokenLink is the first of them.");
        group.MapPost("/verify", VerifyAuditTrailAgainstCheckpoint)
            .WithSummary("Verify against a kept checkpoint 按留存的检查点校验")
            .WithDescription("The same checks, compared with a checkpoint you kept (send it as GET /api/v1/audit/checkpoints or the audit.checkpoint webhook gave it). Proves that a chain was cut back or rewritten even if the stored checkpoints were deleted too. 400 when its signature does not match.")
            .ProducesProblems(Status400BadRequest);
        group.MapPost("/checkpoints", CreateAuditCheckpoint)
            .WithSummary("Make a checkpoint now 立即生成审计检查点")
            .WithDescription("Records the head (length and hash) of every audit chain, signed with the audit key, and sends it as an audit.checkpoint webhook event. One is also made every Audit:CheckpointInterval (daily).");
        group.MapGet("/checkpoints", ListAuditCheckpoints)
            .WithSummary("List checkpoints 审计检查点列表")
            .WithDescription("Signed chain-head checkpoints, newest first. Keep them outside this system: POST one to /api/v1/audit/verify to prove a later truncation.")
            .ProducesProblems(Status400BadRequest);
        group.MapGet("/checkpoints/{id:guid}", GetAuditCheckpoint)
            .WithSummary("Get a checkpoint 查看审计检查点")
            .WithDescription("One checkpoint: id, createdAt, chains, events, heads[{entityType, entityId, length, hash}] and signature.")
            .ProducesProblems(Status404NotFound);
        return app;
    }

    private static async Task<Ok<AuditVerification>> VerifyAuditTrail(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditTrailQuery(), cancellationToken));

    private static async Task<Ok<AuditVerification>> VerifyAuditTrailAgainstCheckpoint(VerifyAuditTrailAgainstCheckpointQuery checkpoint,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(checkpoint, cancellationToken));

    private static async Task<Created<AuditCheckpoint>> CreateAuditCheckpoint(ISender sender, CancellationToken cancellationToken)
    {
        var checkpoint = await sender.Send(new CreateAuditCheckpointCommand(), cancellationToken)
                         ?? throw new InvalidOperationException("A checkpoint asked for without a schedule is always made.");
        return TypedResults.Created($"/api/v1/audit/checkpoints/{checkpoint.Id}", checkpoint);
    }

    private static async Task<Ok<Page<AuditCheckpoint>>> ListAuditCheckpoints(ISender sender, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListAuditCheckpointsQuery(ListQuery.LimitOrDefault(limit), cursor), cancellationToken));

    private static async Task<Ok<AuditCheckpoint>> GetAuditCheckpoint(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAuditCheckpointQuery(id), cancellationToken));
}
