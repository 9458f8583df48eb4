using System.Text.Json;
using Rectify.Application.Auditing;
using Rectify.Application.Common.Paging;

namespace Rectify.Infrastructure.Persistence.Auditing;

internal sealed class AuditCheckpointStore(DbSession db) : IAuditCheckpointStore
{
    public async Task<IReadOnlyList<ChainHead>> ReadHeadsAsync(CancellationToken cancellationToken) =>
        (await db.QueryAsync<HeadRow>(AuditSql.ChainHeads, null, cancellationToken))
        .Select(h => new ChainHead(h.EntityType, h.EntityId, h.ChainIndex, h.Hash)).ToList();

    public async Task InsertAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(AuditCheckpointSql.Insert, new
        {
            checkpoint.Id,
            checkpoint.CreatedAt,
            Heads = JsonSerializer.Serialize(checkpoint.Heads, AuditJson.Options),
            checkpoint.Signature,
        }, cancellationToken);

    public async Task<AuditCheckpoint?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<CheckpointRow>(AuditCheckpointSql.FindById, new { Id = id }, cancellationToken))?.ToCheckpoint();

    public async Task<Page<AuditCheckpoint>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken)
    {
        var before = Cursor.Decode<SeqKey>(cursor) ?? new SeqKey(long.MaxValue);
        var rows = await db.QueryAsync<CheckpointRow>(db.Pick(AuditCheckpointSql.List), new { BeforeSeq = before.Seq, Limit = limit + 1 },
            cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToCheckpoint());
    }

    private sealed class HeadRow
    {
        public string EntityType { get; init; } = "";
        public Guid EntityId { get; init; }
        public int ChainIndex { get; init; }
        public string Hash { get; init; } = "";
    }
}

/// <summary>A stored checkpoint as read.</summary>
internal sealed class CheckpointRow
{
    public long Seq { get; init; }
    public Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string Heads { get; init; } = "[]";
    public string Signature { get; init; } = "";

    public AuditCheckpoint ToCheckpoint() =>
        new(Id, CreatedAt, JsonSerializer.Deserialize<List<ChainHead>>(Heads, AuditJson.Options) ?? [], Signature);
}
