using Rectify.Domain.Items;
using Mediator;

namespace Rectify.Application.Items;

public sealed record ListRecurrencesQuery(Guid ItemId) : IQuery<IReadOnlyList<Recurrence>>;

public sealed class ListRecurrencesHandler(IRecurrenceStore recurrences, ItemAccess access)
    : IQueryHandler<ListRecurrencesQuery, IReadOnlyList<Recurrence>>
{
    public async ValueTask<IReadOnlyList<Recurrence>> Handle(ListRecurrencesQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureVisibleAsync(query.ItemId, cancellationToken);
        return await recurrences.ListAsync(query.ItemId, cancellationToken);
    }
}
