using System.Text.Json;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Writes and reads the hash-chained audit trail. Each event's link is the HMAC, under the audit key, of its own
/// content and the previous event's link within the same entity, so altering, forging or deleting a stored event breaks
/// the chain (all but the newest ones: those show against the entity's version and its save's event count, or against a
/// checkpoint), and only the key's holder can make a link that verifies.
/// </summary>
internal sealed class AuditLog(DbSession db, ICurrentClient actor, TimeProvider clock, AuditKey key) : IAuditLog, IAuditTrail
{
    /// <summary>
    /// Links the events, in order, after the entity's last one: one look-up of the chain head, one insert each. The save
    /// that creates an entity (its version 1) starts its chain, so it has no head to look up: an import of thousands of
    /// items saves as many look-ups.
    /// </summary>
    public async Task RecordAsync(string entityType, Guid entityId, int? entityVersion, IReadOnlyList<RecordedEvent> events,
        CancellationToken cancellationToken)
    {
        var last = entityVersion == 1 ? null : await db.QuerySingleOrDefaultAsync<LastLinkRow>(db.Pick(AuditSql.LastLink),
            new { EntityType = entityType, EntityId = entityId, Limit = 1 }, cancellationToken);
        var (index, previousHash) = (last?.ChainIndex ?? 0, last?.Hash ?? AuditEventRow.Genesis);
        var occurredAt = clock.GetUtcNow();
        foreach (var recorded in events)
        {
            var row = new AuditEventRow
            {
                Id = Guid.CreateVersion7(),
                EntityType = entityType,
                EntityId = entityId,
                ChainIndex = ++index,
                Action = recorded.Event.Action,
                ActorId = actor.ClientId,
                ActorName = actor.Name,
                OccurredAt = occurredAt,
                Changes = JsonSerializer.Serialize(recorded.Changes.Select(c => new { c.Field, c.Old, c.New }), AuditJson.Options),
                EntityVersion = entityVersion,
                EventsInSave = events.Count,
                PrevHash = previousHash,
            };
            row.Hash = previousHash = key.Sign(row.LinkedText());
            await db.ExecuteAsync(AuditSql.Insert, row, cancellationToken);
        }
    }

    public async Task<Page<AuditEventResponse>> ListAsync(string entityType, Guid entityId, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<AuditEventRow>(db.Pick(AuditSql.ListForEntity),
            new { EntityType = entityType, EntityId = entityId, AfterIndex = after.Seq, Limit = limit + 1 }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.ChainIndex)).Map(r => r.ToResponse());
    }

    private sealed class LastLinkRow
    {
        public int ChainIndex { get; init; }
        public string Hash { get; init; } = "";
    }
}
