using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Items;

public sealed record GetItemQuery(Guid Id) : IQuery<ItemResponse>;

public sealed class GetItemHandler(ItemAccess access) : IQueryHandler<GetItemQuery, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(GetItemQuery query, CancellationToken cancellationToken) =>
        await access.ReadAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Item", query.Id);
}
