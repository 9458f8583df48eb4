namespace Rectify.Application.Auditing;

/// <summary>One field of an audited change, with its value before and after (null when absent).</summary>
public sealed record FieldChange(string Field, object? Old, object? New);

/// <summary>
/// Appends audit events. Called inside the command's transaction, so an event exists exactly when its change
/// does. The log stamps the actor and the time, and links each event to the previous one of the same entity.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(string entityType, Guid entityId, string action, IReadOnlyList<FieldChange> changes,
        CancellationToken cancellationToken);
}
