using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Auditing;

public sealed record ListAuditCheckpointsQuery(int Limit, string? Cursor) : IQuery<Page<AuditCheckpoint>>;

public sealed class ListAuditCheckpointsValidator : AbstractValidator<ListAuditCheckpointsQuery>
{
    public ListAuditCheckpointsValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListAuditCheckpointsHandler(IAuditCheckpointStore checkpoints)
    : IQueryHandler<ListAuditCheckpointsQuery, Page<AuditCheckpoint>>
{
    public async ValueTask<Page<AuditCheckpoint>> Handle(ListAuditCheckpointsQuery query, CancellationToken cancellationToken) =>
        await checkpoints.ListAsync(query.Limit, query.Cursor, cancellationToken);
}
