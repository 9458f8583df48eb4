using Rectify.Application.Auditing;
using static Rectify.Application.Auditing.AuditProblemKinds;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Checks the whole trail: every chain link by link under the audit key, every audited entity's version against its
/// number of events (each save moves the version once and writes at least one event), every chain with events against
/// its entity's row, and every chain against the heads the given checkpoints recorded. One problem per chain and
/// check is reported: after a broken link, the rest of that chain says nothing new.
/// </summary>
internal sealed class AuditVerifier(DbSession db, AuditKey key) : IAuditVerifier
{
    private const int IdsPerLookup = 500;

    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var problems = new List<AuditProblem>();
        // Rows before events: a version is committed with its events, and events are only appended, so every version
        // read here has all its events in the scan that follows, however many changes commit in between.
        var versions = await db.QueryAsync<EntityVersionRow>(db.Pick(AuditSql.EntityVersions), null, cancellationToken);
        var recorded = RecordedHeads(checkpoints, problems);
        var (chains, eventsChecked) = await CheckChainsAsync(recorded, problems, cancellationToken);
        CheckVersions(versions, chains, problems);
        await CheckRowsExistAsync(versions, chains, problems, cancellationToken);
        CheckLengths(recorded, chains, problems);
        return new AuditVerification(problems.Count == 0, eventsChecked, chains.Count, versions.Count,
            checkpoints.Select(c => c.Id).ToList(), problems.FirstOrDefault(), problems.Count,
            problems.Take(AuditVerification.MaxListed).ToList());
    }

    /// <summary>The heads of the authentic checkpoints, by the link they name; a checkpoint whose signature fails is reported.</summary>
    private Dictionary<(string, Guid, int), List<RecordedHead>> RecordedHeads(IReadOnlyList<AuditCheckpoint> checkpoints,
        List<AuditProblem> problems)
    {
        var recorded = new Dictionary<(string, Guid, int), List<RecordedHead>>();
        foreach (var checkpoint in checkpoints)
        {
            if (!checkpoint.IsSignedWith(key))
            {
                problems.Add(new AuditProblem(CheckpointForged, "audit_checkpoint", checkpoint.Id, null, null,
                    "the checkpoint's signature does not match its content: it was altered after it was signed"));
                continue;
            }
            foreach (var head in checkpoint.Heads)
            {
                var link = (head.EntityType, head.EntityId, head.Length);
                if (!recorded.TryGetValue(link, out var heads))
                    recorded[link] = heads = [];
                heads.Add(new RecordedHead(checkpoint, head));
            }
        }
        return recorded;
    }

    private async Task<(Dictionary<(string, Guid), Chain> Chains, long EventsChecked)> CheckChainsAsync(
        Dictionary<(string, Guid, int), List<RecordedHead>> recorded, List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        var chains = new Dictionary<(string, Guid), Chain>();
        long eventsChecked = 0;
        await foreach (var row in AuditEventRow.ReadAllAsync(db, cancellationToken))
        {
            eventsChecked++;
            if (!chains.TryGetValue((row.EntityType, row.EntityId), out var chain))
                chains[(row.EntityType, row.EntityId)] = chain = new Chain();
            if (!chain.Broken && LinkProblem(row, chain) is { } problem)
            {
                problems.Add(problem);
                chain.Broken = true;
            }
            if (recorded.TryGetValue((row.EntityType, row.EntityId, row.ChainIndex), out var heads))
                foreach (var head in heads)
                {
                    head.Found = true;
                    if (head.Head.Hash != row.Hash)
                        problems.Add(new AuditProblem(CheckpointMismatch, row.EntityType, row.EntityId, row.ChainIndex, row.Id,
                            $"this event no longer has the hash that checkpoint {head.Checkpoint.Id} ({head.Checkpoint.CreatedAt:O}) recorded"));
                }
            chain.Append(row);
        }
        return (chains, eventsChecked);
    }

    private AuditProblem? LinkProblem(AuditEventRow row, Chain chain)
    {
        var problem = ChainLink.Check(row, chain.LastIndex, chain.LastHash, key.Sign);
        return problem?.Kind == Altered && row.Hash == AuditEventRow.UnkeyedHash(row.LinkedText())
            ? problem with
            {
                Kind = Unkeyed,
                Reason = "this event's hash was made without the audit key: it was forged, or its chain was already broken " +
                         "when the trail was re-chained",
            }
            : problem;
    }

    private static void CheckVersions(IReadOnlyList<EntityVersionRow> versions, Dictionary<(string, Guid), Chain> chains,
        List<AuditProblem> problems)
    {
        foreach (var entity in versions)
        {
            var events = chains.TryGetValue((entity.EntityType, entity.Id), out var chain) ? chain.Count : 0;
            if (entity.Version > events)
                problems.Add(new AuditProblem(VersionAhead, entity.EntityType, entity.Id, null, null,
                    $"the {entity.EntityType} is at version {entity.Version} but has {events} audit event(s): " +
                    "changes were made or events deleted outside the audited save path"));
        }
    }

    /// <summary>
    /// A chain whose entity has no row is a deletion nobody recorded, unless its last event is <c>deleted</c>. An entity
    /// created after the rows were read is looked up again, so it is not mistaken for one.
    /// </summary>
    private async Task CheckRowsExistAsync(IReadOnlyList<EntityVersionRow> versions, Dictionary<(string, Guid), Chain> chains,
        List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        var stored = versions.Select(v => (v.EntityType, v.Id)).ToHashSet();
        var unseen = chains.Where(c => c.Key.Item1 != AuditTrailEntity.Type && c.Value.LastAction != "deleted" && !stored.Contains(c.Key))
            .Select(c => c.Key).ToList();
        foreach (var lookup in unseen.Chunk(IdsPerLookup))
        {
            var found = await db.QueryAsync<EntityVersionRow>(db.Pick(AuditSql.EntityVersionsOf),
                new { Ids = db.IdList(lookup.Select(k => k.Item2).Distinct()) }, cancellationToken);
            stored.UnionWith(found.Select(v => (v.EntityType, v.Id)));
        }
        foreach (var (entityType, entityId) in unseen.Where(k => !stored.Contains(k)))
            problems.Add(new AuditProblem(RowMissing, entityType, entityId, chains[(entityType, entityId)].LastIndex, null,
                $"the {entityType} has {chains[(entityType, entityId)].Count} audit event(s) but no stored row, and no 'deleted' " +
                "event records its removal"));
    }

    /// <summary>A checkpointed link the scan never met: the chain was cut back below it, or that event was deleted.</summary>
    private static void CheckLengths(Dictionary<(string, Guid, int), List<RecordedHead>> recorded,
        Dictionary<(string, Guid), Chain> chains, List<AuditProblem> problems)
    {
        foreach (var ((entityType, entityId, length), heads) in recorded)
            foreach (var head in heads.Where(h => !h.Found))
            {
                var now = chains.TryGetValue((entityType, entityId), out var chain) ? chain.LastIndex : 0;
                var at = $"checkpoint {head.Checkpoint.Id} ({head.Checkpoint.CreatedAt:O})";
                problems.Add(now < length
                    ? new AuditProblem(Truncated, entityType, entityId, length, null,
                        $"the chain now ends at event {now}, but {at} recorded it {length} events long: newer events were deleted")
                    : new AuditProblem(CheckpointMismatch, entityType, entityId, length, null,
                        $"event {length}, the head {at} recorded, is missing"));
            }
    }

    private sealed class Chain
    {
        public int LastIndex { get; private set; }
        public string LastHash { get; private set; } = AuditEventRow.Genesis;
        public string LastAction { get; private set; } = "";
        public int Count { get; private set; }
        public bool Broken { get; set; }

        public void Append(AuditEventRow row)
        {
            (LastIndex, LastHash, LastAction) = (row.ChainIndex, row.Hash, row.Action);
            Count++;
        }
    }

    private sealed class RecordedHead(AuditCheckpoint checkpoint, ChainHead head)
    {
        public AuditCheckpoint Checkpoint { get; } = checkpoint;
        public ChainHead Head { get; } = head;
        public bool Found { get; set; }
    }

    private sealed class EntityVersionRow
    {
        public string EntityType { get; init; } = "";
        public Guid Id { get; init; }
        public int Version { get; init; }
    }
}
