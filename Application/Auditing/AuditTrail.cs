using Rectify.Domain.Common;
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

/// <summary>The result of re-computing every hash chain: the first broken link, if any.</summary>
public sealed record AuditVerification(bool Intact, long EventsChecked, BrokenLink? FirstBrokenLink);

public sealed record BrokenLink(Guid EventId, string EntityType, Guid EntityId, int ChainIndex, string Reason);

public interface IAuditTrail
{
    Task<Page<AuditEventResponse>> ListAsync(string entityType, Guid entityId, int limit, string? cursor,
        CancellationToken cancellationToken);

    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
