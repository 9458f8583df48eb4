using Mediator;

namespace Rectify.Application.Auditing;

/// <summary>Re-computes every audit hash chain and reports the first event that was altered or removed.</summary>
public sealed record VerifyAuditTrailQuery : IQuery<AuditVerification>;

public sealed class VerifyAuditTrailHandler(IAuditTrail trail) : IQueryHandler<VerifyAuditTrailQuery, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAuditTrailQuery query, CancellationToken cancellationToken) =>
        await trail.VerifyAsync(cancellationToken);
}
