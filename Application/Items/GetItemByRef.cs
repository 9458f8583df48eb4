using Mediator;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>GET by another system's key.</summary>
public sealed record GetItemByRefQuery(string System, string ExternalId) : IQuery<ItemResponse>;

public sealed class GetItemByRefHandler(IItemStore items, ItemAccess access)
    : IQueryHandler<GetItemByRefQuery, ItemResponse>
{
    public async ValueTask<ItemResponse> Handle(GetItemByRefQuery query, CancellationToken cancellationToken)
    {
        var reference = new ExternalRef(query.System.Trim(), query.ExternalId.Trim());
        // An item the key may not see answers like one that does not exist, and never by its id.
        var item = await items.FindIdByRefAsync(reference, cancellationToken) is { } id ? await access.ReadAsync(id, cancellationToken) : null;
        return item ?? throw new NotFoundException("Item", $"{reference.System}/{reference.Id}");
    }
}
