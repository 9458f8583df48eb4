using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Writes and reads the hash-chained audit trail. Each event's hash covers its own content and the previous
/// event's hash within the same entity, so altering or deleting any stored event breaks every later link.
/// </summary>
internal sealed class AuditLog(DbSession db, ICurrentClient actor, TimeProvider clock) : IAuditLog, IAuditTrail
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const int VerifyBatchSize = 1000;

    /// <summary>Links the events, in order, after the entity's last one: one look-up of the chain head, one insert each.</summary>
    public async Task RecordAsync(string entityType, Guid entityId, IReadOnlyList<RecordedEvent> events,
        CancellationToken cancellationToken)
    {
        var last = await db.QuerySingleOrDefaultAsync<LastLinkRow>(db.Pick(AuditSql.LastLink),
            new { EntityType = entityType, EntityId = entityId, Limit = 1 }, cancellationToken);
        var (index, previousHash) = (last?.ChainIndex ?? 0, last?.Hash ?? Genesis);
        var occurredAt = clock.GetUtcNow();
        foreach (var recorded in events)
        {
            var row = new AuditRow
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
                PrevHash = previousHash,
            };
            row.Hash = previousHash = row.ComputeHash();
            await db.ExecuteAsync(AuditSql.Insert, row, cancellationToken);
        }
    }

    public async Task<Page<AuditEventResponse>> ListAsync(string entityType, Guid entityId, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<AuditRow>(db.Pick(AuditSql.ListForEntity),
            new { EntityType = entityType, EntityId = entityId, AfterIndex = after.Seq, Limit = limit + 1 }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.ChainIndex)).Map(r => r.ToResponse());
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var lastLinks = new Dictionary<(string, Guid), (int Index, string Hash)>();
        long checkedCount = 0, afterSeq = 0;
        while (true)
        {
            var batch = await db.QueryAsync<AuditRow>(db.Pick(AuditSql.VerifyBatch),
                new { AfterSeq = afterSeq, Limit = VerifyBatchSize }, cancellationToken);
            foreach (var row in batch)
            {
                checkedCount++;
                var key = (row.EntityType, row.EntityId);
                var previous = lastLinks.TryGetValue(key, out var link) ? link : (Index: 0, Hash: Genesis);
                var broken = row.ChainIndex != previous.Index + 1 ? "a link before this event is missing"
                    : row.PrevHash != previous.Hash ? "the previous event was altered"
                    : row.Hash != row.ComputeHash() ? "this event was altered"
                    : null;
                if (broken is not null)
                    return new AuditVerification(false, checkedCount,
                        new BrokenLink(row.Id, row.EntityType, row.EntityId, row.ChainIndex, broken));
                lastLinks[key] = (row.ChainIndex, row.Hash);
            }
            if (batch.Count < VerifyBatchSize)
                return new AuditVerification(true, checkedCount, null);
            afterSeq = batch[^1].Seq;
        }
    }

    private sealed class LastLinkRow
    {
        public int ChainIndex { get; init; }
        public string Hash { get; init; } = "";
    }

    private sealed class AuditRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string EntityType { get; init; } = "";
        public Guid EntityId { get; init; }
        public int ChainIndex { get; init; }
        public string Action { get; init; } = "";
        public Guid? ActorId { get; init; }
        public string ActorName { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Changes { get; init; } = "[]";
        public string PrevHash { get; init; } = "";
        public string Hash { get; set; } = "";

        public string ComputeHash()
        {
            var content = string.Join('\n', PrevHash, EntityType, EntityId.ToString("D"), ChainIndex, Action,
                ActorId?.ToString("D") ?? "", ActorName, DapperTypeHandlers.InstantText(OccurredAt), Changes);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        }

        public AuditEventResponse ToResponse() => new(Id, EntityType, EntityId, Action, ActorId, ActorName, OccurredAt,
            JsonSerializer.Deserialize<List<AuditFieldChange>>(Changes, AuditJson.Options) ?? [], Hash);
    }
}
