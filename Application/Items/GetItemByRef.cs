using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>GET by another system's key.</summary>
public sealed record GetItemByRefQuery(string System, string ExternalId) : IQuery<ItemResponse>;

public sealed class GetItemByRefHandler(IItemStore items, ItemAccess access, OfficeCalendar calendar)
    : IQueryHandler<GetItemByRefQuery, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(GetItemByRefQuery query, CancellationToken cancellationToken)
    {
        var reference = new ExternalRef(query.System.Trim(), query.ExternalId.Trim());
        var id = await items.FindIdByRefAsync(reference, cancellationToken)
                 ?? throw new NotFoundException("Item", $"{reference.System}/{reference.Id}");
        return ItemResponse.From(await access.GetAsync(id, cancellationToken), calendar);
    }
}
