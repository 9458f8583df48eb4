using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Items;

/// <summary>The item's audit trail, oldest first: who changed what, when, from what to what.</summary>
public sealed record GetItemHistoryQuery(Guid Id, int Limit, string? Cursor) : IQuery<Page<AuditEventResponse>>;

public sealed class GetItemHistoryValidator : AbstractValidator<GetItemHistoryQuery>
{
    public GetItemHistoryValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class GetItemHistoryHandler(ItemAccess access, IItemStore items, IAuditTrail trail)
    : IQueryHandler<GetItemHistoryQuery, Page<AuditEventResponse>>
{
    public async ValueTask<Page<AuditEventResponse>> Handle(GetItemHistoryQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureVisibleAsync(query.Id, cancellationToken);
        return await trail.ListAsync(items.EntityType, query.Id, query.Limit, query.Cursor, cancellationToken);
    }
}
