using Mediator;
using Rectify.Application.Common;

namespace Rectify.Application.Items;

public sealed record GetItemQuery(Guid Id) : IQuery<ItemResponse>;

public sealed class GetItemHandler(ItemAccess access, OfficeCalendar calendar) : IQueryHandler<GetItemQuery, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(GetItemQuery query, CancellationToken cancellationToken) =>
        ItemResponse.From(await access.GetAsync(query.Id, cancellationToken), calendar);
}
