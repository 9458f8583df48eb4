using Mediator;

namespace Rectify.Application.Items;

public sealed record ListMeasuresQuery(Guid ItemId) : IQuery<IReadOnlyList<MeasureResponse>>;

public sealed class ListMeasuresHandler(ItemAccess access, IItemQueries queries)
    : IQueryHandler<ListMeasuresQuery, IReadOnlyList<MeasureResponse>>
{
    public async ValueTask<IReadOnlyList<MeasureResponse>> Handle(ListMeasuresQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureVisibleAsync(query.ItemId, cancellationToken);
        return await queries.ListMeasuresAsync(query.ItemId, cancellationToken);
    }
}
