using System.Text.Json;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Auditing;

/// <summary>One audited change as the history shows it; <c>old</c>/<c>new</c> are the JSON values stored.</summary>
public sealed record AuditEventResponse(
    Guid Id,
    string EntityType,
    Guid EntityId,
    string Action,
    Guid? ActorId,
    string ActorName,
    DateTimeOffset OccurredAt,
    IReadOnlyList<AuditFieldChange> Changes,
    string Hash);

public sealed record AuditFieldChange(string Field, JsonElement? Old, JsonElement? New);

public interface IAuditTrail
{
    Task<Page<AuditEventResponse>> ListAsync(string entityType, Guid entityId, int limit, string? cursor,
        CancellationToken cancellationToken);
}
