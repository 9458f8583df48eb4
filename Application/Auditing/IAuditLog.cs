using Rectify.Domain.Common;

namespace Rectify.Application.Auditing;

/// <summary>
/// Appends audit events. Called by the save path inside the command's transaction, so an event exists exactly when
/// its change does. The log stamps the actor and the time, and links each event to the previous one of the same
/// entity.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// One audit event per recorded domain event of one save: its action, the fields it changed, and its own details.
    /// <paramref name="entityVersion"/> is the entity's version after that save (null for a chain with no entity row,
    /// such as the trail's own); each event records it and how many events the save wrote, so verify can tell when the
    /// newest of them is gone.
    /// </summary>
    Task RecordAsync(string entityType, Guid entityId, int? entityVersion, IReadOnlyList<RecordedEvent> events,
        CancellationToken cancellationToken);
}
