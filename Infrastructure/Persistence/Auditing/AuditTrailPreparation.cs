using Microsoft.Extensions.Logging;
using Rectify.Application.Auditing;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Runs at every start, after the migrations and before anything is audited, in one transaction that instances
/// starting together take in turn: loads the audit key, refuses a key other than the one the trail was chained with,
/// and re-chains a trail still linked with unkeyed SHA-256 (a database from before migration 0009) — once.
/// </summary>
internal sealed class AuditTrailPreparation(DbSession db, AuditKey key, AuditKeySource keys, AuditLog log,
    ILogger<AuditTrailPreparation> logger)
{
    public const string Keyed = "hmac-sha256";
    public const string Unkeyed = "sha256";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await db.BeginAsync(cancellationToken);
        try
        {
            await db.ExecuteAsync(AuditSql.LockChainScheme, null, cancellationToken);
            var scheme = await db.QuerySingleOrDefaultAsync<SchemeRow>(AuditSql.ReadChainScheme, null, cancellationToken)
                         ?? throw new InvalidOperationException("The audit chain scheme row is missing: migration 0009 has not run.");
            var (bytes, source) = keys.Load(trailIsKeyed: scheme.KeyId is not null);
            key.Use(bytes);
            if (scheme.KeyId is not null && scheme.KeyId != key.Id)
                throw new InvalidOperationException(
                    $"The audit key from {source} (key id {key.Id}) is not the key this database's audit trail was chained with " +
                    $"(key id {scheme.KeyId}): restore that key (Audit:Key or the key file). With another key every link would fail.");
            if (scheme.Scheme == Unkeyed)
                await RechainAsync(cancellationToken);
            await db.ExecuteAsync(AuditSql.SaveChainScheme, new { Scheme = Keyed, KeyId = key.Id }, cancellationToken);
            await db.CommitAsync(cancellationToken);
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
    }

    /// <summary>
    /// Checks the old unkeyed links first. An intact chain gets keyed links; a chain already broken keeps its unkeyed
    /// ones, so verify goes on naming it instead of the re-chaining vouching for it. What was done, and what was found
    /// broken, is itself the first event of the trail's own chain.
    /// </summary>
    private async Task RechainAsync(CancellationToken cancellationToken)
    {
        var broken = await FindBrokenChainsAsync(cancellationToken);
        var heads = new Dictionary<(string, Guid), string>();
        long events = 0;
        await foreach (var row in AuditEventRow.ReadAllAsync(db, cancellationToken))
        {
            var chain = (row.EntityType, row.EntityId);
            if (broken.ContainsKey(chain))
                continue;
            row.PrevHash = heads.GetValueOrDefault(chain, AuditEventRow.Genesis);
            row.Hash = heads[chain] = key.Sign(row.LinkedText());
            await db.ExecuteAsync(AuditSql.Relink, new { row.Seq, row.PrevHash, row.Hash }, cancellationToken);
            events++;
        }

        List<FieldChange> changes =
        [
            new("scheme", Unkeyed, Keyed),
            new("chainsRechained", null, heads.Count),
            new("eventsRechained", null, events),
            new("oldChainsIntact", null, broken.Count == 0),
        ];
        if (broken.Count > 0)
            changes.Add(new FieldChange("chainsLeftUnkeyed", null, broken.Values.ToList()));
        await log.RecordAsync(AuditTrailEntity.Type, AuditTrailEntity.Id,
            [new RecordedEvent(Guid.CreateVersion7(), new AuditTrailRechained(), changes)], cancellationToken);

        if (broken.Count > 0)
            logger.LogWarning("Re-chained the audit trail with the audit key: {Chains} chains, {Events} events. {Broken} chains were " +
                              "already broken and keep their unkeyed links, so verify reports them.", heads.Count, events, broken.Count);
        else
            logger.LogInformation("Re-chained the audit trail with the audit key: {Chains} chains, {Events} events, all intact before.",
                heads.Count, events);
    }

    private async Task<Dictionary<(string, Guid), AuditProblem>> FindBrokenChainsAsync(CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string, Guid), (int Index, string Hash)>();
        var broken = new Dictionary<(string, Guid), AuditProblem>();
        await foreach (var row in AuditEventRow.ReadAllAsync(db, cancellationToken))
        {
            var chain = (row.EntityType, row.EntityId);
            var (index, hash) = last.GetValueOrDefault(chain, (0, AuditEventRow.Genesis));
            if (!broken.ContainsKey(chain) && ChainLink.Check(row, index, hash, AuditEventRow.UnkeyedHash) is { } problem)
                broken[chain] = problem;
            last[chain] = (row.ChainIndex, row.Hash);
        }
        return broken;
    }

    private sealed record AuditTrailRechained : DomainEvent
    {
        public override string Action => "rechained";
    }

    private sealed class SchemeRow
    {
        public string Scheme { get; init; } = "";
        public string? KeyId { get; init; }
    }
}
