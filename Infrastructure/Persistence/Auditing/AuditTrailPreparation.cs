using Microsoft.Extensions.Logging;
using Rectify.Application.Auditing;
using Rectify.Domain.Common;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Runs at every start, after the migrations and before anything is audited, in one transaction that instances
/// starting together take in turn: loads the audit key, refuses a key other than the one the trail was chained with,
/// and re-chains a trail still linked with unkeyed SHA-256 (a database from before migration 0009) — once. The scheme row
/// says whether to; since it can be set back by anyone who writes the tables, a trail that shows it was keyed already is
/// refused instead of re-chained.
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
            var scheme = await db.QuerySingleOrDefaultAsync<ChainSchemeRow>(AuditSql.ReadChainScheme, null, cancellationToken)
                         ?? throw new InvalidOperationException("The audit chain scheme row is missing: migration 0009 has not run.");
            var (bytes, source) = keys.Load(trailIsKeyed: scheme.KeyId is not null);
            key.Use(bytes);
            if (scheme.KeyId is not null && scheme.KeyId != key.Id)
                throw new InvalidSettingException(
                    $"The audit key from {source} (key id {key.Id}) is not the key this database's audit trail was chained with " +
                    $"(key id {scheme.KeyId}): restore that key (Audit:Key or the key file). With another key every link would fail.");
            if (scheme.Scheme != Keyed)
            {
                if (await FindKeyedTrailAsync(cancellationToken) is { } evidence)
                    throw new InvalidOperationException(
                        $"The audit chain scheme row says the trail is still unkeyed ('{scheme.Scheme}'), but {evidence}: the trail " +
                        "was already keyed, so the scheme row was tampered with. Refusing to re-chain, which would give any chain " +
                        "rewritten since real links. Find out who changed AuditChainScheme, set it back (Scheme = " +
                        $"'{Keyed}', KeyId = '{key.Id}' for this key) and start again: verify then names every rewritten chain.");
                await RechainAsync(cancellationToken);
            }
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
        await log.RecordAsync(AuditTrailEntity.Type, AuditTrailEntity.Id, entityVersion: null,
            [new RecordedEvent(Guid.CreateVersion7(), new AuditTrailRechained(), changes)], cancellationToken);

        if (broken.Count > 0)
            logger.LogWarning("Re-chained the audit trail with the audit key: {Chains} chains, {Events} events. {Broken} chains were " +
                              "already broken and keep their unkeyed links, so verify reports them.", heads.Count, events, broken.Count);
        else
            logger.LogInformation("Re-chained the audit trail with the audit key: {Chains} chains, {Events} events, all intact before.",
                heads.Count, events);
    }

    /// <summary>
    /// What shows that the trail was already keyed, or null for a trail from before migration 0009: an event whose link
    /// verifies under the key or that records its entity version (both only written after 0009), a recorded re-chaining,
    /// or a checkpoint signed with the key. The scheme row alone is not trusted: whoever can write the tables can set it.
    /// </summary>
    private async Task<string?> FindKeyedTrailAsync(CancellationToken cancellationToken)
    {
        await foreach (var row in AuditEventRow.ReadAllAsync(db, cancellationToken))
        {
            var at = $"{row.EntityType} {row.EntityId:D} event {row.ChainIndex}";
            if (key.Verifies(row.LinkedText(), row.Hash))
                return $"the link of {at} verifies under the audit key";
            if (row.EntityVersion is not null || row.EventsInSave is not null)
                return $"{at} records its entity version, which only events written after migration 0009 do";
            if (row.EntityType == AuditTrailEntity.Type && row.Action == AuditTrailRechained.Name)
                return $"the trail's own chain records a re-chaining already ({at})";
        }
        var checkpoints = await db.QueryAsync<CheckpointRow>(AuditCheckpointSql.All, null, cancellationToken);
        return checkpoints.Select(c => c.ToCheckpoint()).FirstOrDefault(c => c.IsSignedWith(key)) is { } signed
            ? $"checkpoint {signed.Id} is signed with the audit key"
            : null;
    }

    private static string UnkeyedLink(AuditEventRow row) => AuditEventRow.UnkeyedHash(row.UnkeyedLinkedText());

    private async Task<Dictionary<(string, Guid), AuditProblem>> FindBrokenChainsAsync(CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string, Guid), (int Index, string Hash)>();
        var broken = new Dictionary<(string, Guid), AuditProblem>();
        await foreach (var row in AuditEventRow.ReadAllAsync(db, cancellationToken))
        {
            var chain = (row.EntityType, row.EntityId);
            var (index, hash) = last.GetValueOrDefault(chain, (0, AuditEventRow.Genesis));
            if (!broken.ContainsKey(chain) && ChainLink.Check(row, index, hash, UnkeyedLink) is { } problem)
                broken[chain] = problem;
            last[chain] = (row.ChainIndex, row.Hash);
        }
        return broken;
    }

    internal sealed record AuditTrailRechained : DomainEvent
    {
        public const string Name = "rechained";

        public override string Action => Name;
    }
}

/// <summary>The one row of AuditChainScheme: how the links are made, and the fingerprint of the key they are made with.</summary>
internal sealed class ChainSchemeRow
{
    public string Scheme { get; init; } = "";
    public string? KeyId { get; init; }
}
