using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>反弹 / 死灰复燃: a completed or signed-off item found again, recorded as its own event.</summary>
public sealed record Recurrence(
    Guid Id,
    Guid ItemId,
    DateOnly DetectedOn,
    string DetectedBy,
    string Description,
    DateOnly NewDueDate,
    SignOffStatus PreviousSignOff,
    string RecordedBy,
    DateTimeOffset RecordedAt);

public interface IRecurrenceStore
{
    Task InsertAsync(Recurrence recurrence, CancellationToken cancellationToken);
    Task<IReadOnlyList<Recurrence>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}
