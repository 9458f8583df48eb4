using Rectify.Domain.Common;

namespace Rectify.Application.Auditing;

/// <summary>
/// Appends audit events. Called by the save path inside the command's transaction, so an event exists exactly when
/// its change does. The log stamps the actor and the time, and links each event to the previous one of the same
/// entity.
/// </summary>
public interface IAuditLog
{
    /// <summary>One audit event per recorded domain event: its action, the fields it changed, and its own details.</summary>
    Task RecordAsync(string entityType, Guid entityId, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
