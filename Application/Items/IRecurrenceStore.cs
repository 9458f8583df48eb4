using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IRecurrenceStore
{
    Task<IReadOnlyList<Recurrence>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}
