using Mediator;

namespace Rectify.Application.Items;

public sealed record ListMeasuresQuery(Guid ItemId) : IQuery<IReadOnlyList<MeasureResponse>>;

public sealed class ListMeasuresHandler(ItemAccess access) : IQueryHandler<ListMeasuresQuery, IReadOnlyList<MeasureResponse>>
{
    public async ValueTask<IReadOnlyList<MeasureResponse>> Handle(ListMeasuresQuery query, CancellationToken cancellationToken) =>
        (await access.GetAsync(query.ItemId, cancellationToken)).Measures.Select(MeasureResponse.From).ToList();
}
