using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Rectify.Application.Auditing;
using Rectify.Application.Clients;

namespace Rectify.Api.Endpoints;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit/verify", VerifyAuditTrail).WithTags("Audit 审计").RequireAuthorization(Scopes.Admin)
            .WithSummary("Verify the audit trail 校验审计链")
            .WithDescription("Re-computes every hash chain of the audit trail and names the first event that was altered or removed, if any.");
        return app;
    }

    private static async Task<Ok<AuditVerification>> VerifyAuditTrail(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new VerifyAuditTrailQuery(), cancellationToken));
}
