using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class RecurrenceStore(DbSession db) : IRecurrenceStore
{
    public async Task InsertAsync(Recurrence r, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(RecurrenceSql.Insert, new
        {
            r.Id, r.ItemId, r.DetectedOn, r.DetectedBy, r.Description, r.NewDueDate,
            PreviousSignOff = EnumText<SignOffStatus>.Of(r.PreviousSignOff), r.RecordedBy, r.RecordedAt,
        }, cancellationToken);

    public async Task<IReadOnlyList<Recurrence>> ListAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<RecurrenceRow>(RecurrenceSql.List, new { ItemId = itemId }, cancellationToken))
        .Select(r => new Recurrence(r.Id, r.ItemId, r.DetectedOn, r.DetectedBy, r.Description, r.NewDueDate,
            EnumText<SignOffStatus>.Parse(r.PreviousSignOff), r.RecordedBy, r.RecordedAt)).ToList();

    private sealed class RecurrenceRow
    {
        public Guid Id { get; init; }
        public Guid ItemId { get; init; }
        public DateOnly DetectedOn { get; init; }
        public string DetectedBy { get; init; } = "";
        public string Description { get; init; } = "";
        public DateOnly NewDueDate { get; init; }
        public string PreviousSignOff { get; init; } = "";
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }
}
