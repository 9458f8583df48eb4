using Mediator;

namespace Rectify.Application.Items;

public sealed record ListExtensionsQuery(Guid ItemId) : IQuery<IReadOnlyList<ExtensionResponse>>;

public sealed class ListExtensionsHandler(IExtensionStore extensions, ItemAccess access)
    : IQueryHandler<ListExtensionsQuery, IReadOnlyList<ExtensionResponse>>
{
    public async ValueTask<IReadOnlyList<ExtensionResponse>> Handle(ListExtensionsQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureVisibleAsync(query.ItemId, cancellationToken);
        return (await extensions.ListAsync(query.ItemId, cancellationToken)).Select(ExtensionResponse.From).ToList();
    }
}
