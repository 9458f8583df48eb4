using Rectify.Application.Auditing;
using Rectify.Domain.Common;

namespace Rectify.Application.Common;

/// <summary>Where the save path writes an aggregate's row.</summary>
public interface IAggregateStore<in T> where T : AggregateRoot
{
    /// <summary>What the audit trail calls this kind of aggregate ("unit", "inspection", "client").</summary>
    string EntityType { get; }

    /// <summary>
    /// Inserts the aggregate when it is new, otherwise writes it over the version it was read at: 412 when someone
    /// else got there first.
    /// </summary>
    Task WriteAsync(T aggregate, CancellationToken cancellationToken);
}

/// <summary>
/// The one save call of every aggregate, inside the command's transaction: when something happened, the aggregate
/// moves to its next version, its row (and child rows) are written, and each recorded event becomes one audit
/// event. Nothing is written when nothing happened. Returns the events saved, for what follows from them in the
/// same transaction (the item's webhook outbox).
/// </summary>
public sealed class AggregateRepository<T>(IAggregateStore<T> store, IAuditLog audit, TimeProvider clock)
    where T : AggregateRoot
{
    public async Task<IReadOnlyList<RecordedEvent>> SaveAsync(T aggregate, CancellationToken cancellationToken)
    {
        if (!aggregate.StampChanges(clock.GetUtcNow()))
            return [];
        await store.WriteAsync(aggregate, cancellationToken);
        await audit.RecordAsync(store.EntityType, aggregate.Id, aggregate.Version, aggregate.Events, cancellationToken);
        var saved = aggregate.Events.ToList();
        aggregate.MarkSaved();
        return saved;
    }
}
