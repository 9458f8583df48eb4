using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Auditing;

public sealed record GetAuditCheckpointQuery(Guid Id) : IQuery<AuditCheckpoint>;

public sealed class GetAuditCheckpointHandler(IAuditCheckpointStore checkpoints) : IQueryHandler<GetAuditCheckpointQuery, AuditCheckpoint>
{
    public async ValueTask<AuditCheckpoint> Handle(GetAuditCheckpointQuery query, CancellationToken cancellationToken) =>
        await checkpoints.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Audit checkpoint", query.Id);
}
