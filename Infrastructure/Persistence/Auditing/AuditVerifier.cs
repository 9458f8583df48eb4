using Rectify.Application.Auditing;
using static Rectify.Application.Auditing.AuditProblemKinds;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Checks the whole trail: the scheme row says the links are keyed with this key; every chain link by link under the
/// audit key, with versions that never go down and at most one re-chaining of the trail; every audited entity's version
/// against its events (each save moves the version once and writes at least one event, each stamped with that version
/// and the number of events the save wrote, so the newest event must carry the row's version and complete its save);
/// every chain with events against its entity's row; and every chain against the heads the given checkpoints recorded.
/// One problem per chain and check is reported: after a broken link, the rest of that chain says nothing new.
/// </summary>
internal sealed class AuditVerifier(DbSession db, AuditKey key) : IAuditVerifier
{
    private const int IdsPerLookup = 500;

    public async Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        var problems = new List<AuditProblem>();
        await CheckSchemeAsync(problems, cancellationToken);
        // Rows before events: a version is committed with its events, and events are only appended, so every version
        // read here has all its events in the scan that follows, however many changes commit in between.
        var versions = await db.QueryAsync<EntityVersionRow>(db.Pick(AuditSql.EntityVersions), null, cancellationToken);
        var recorded = RecordedHeads(checkpoints, problems);
        var (chains, eventsChecked) = await CheckChainsAsync(recorded, problems, cancellationToken);
        await CheckVersionsAsync(versions, chains, problems, cancellationToken);
        await CheckRowsExistAsync(versions, chains, problems, cancellationToken);
        CheckLengths(recorded, chains, problems);
        return new AuditVerification(problems.Count == 0, eventsChecked, chains.Count, versions.Count,
            checkpoints.Select(c => c.Id).ToList(), problems.FirstOrDefault(), problems.Count,
            problems.Take(AuditVerification.MaxListed).ToList());
    }

    /// <summary>
    /// The scheme row is what the start-up step trusts to decide whether to re-chain: set back to unkeyed, it would give
    /// the next start's re-chaining the chance to key forged links (which that step refuses), so it is reported here.
    /// </summary>
    private async Task CheckSchemeAsync(List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        var scheme = await db.QuerySingleOrDefaultAsync<ChainSchemeRow>(AuditSql.ReadChainScheme, null, cancellationToken);
        var reason = scheme is null ? "the audit chain scheme row is missing"
            : scheme.Scheme != AuditTrailPreparation.Keyed
                ? $"the audit chain scheme row says '{scheme.Scheme}', not '{AuditTrailPreparation.Keyed}': it was changed after the " +
                  "trail was keyed, to have the next start re-chain the trail"
            : scheme.KeyId != key.Id
                ? $"the audit chain scheme row names key id '{scheme.KeyId}', not the id of the key in use ({key.Id}): it was changed"
            : null;
        if (reason is not null)
            problems.Add(new AuditProblem(SchemeNotKeyed, "audit_chain_scheme", Guid.Empty, null, null, reason));
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
            if (!chain.Broken && (LinkProblem(row, chain) ?? SequenceProblem(row, chain)) is { } problem)
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
        var problem = ChainLink.Check(row, chain.LastIndex, chain.LastHash, r => key.Sign(r.LinkedText()));
        return problem?.Kind == Altered && row.HasUnkeyedHash
            ? problem with
            {
                Kind = Unkeyed,
                Reason = "this event's hash was made without the audit key: it was forged, or its chain was already broken " +
                         "when the trail was re-chained",
            }
            : problem;
    }

    /// <summary>
    /// What a valid link can still get wrong: a version lower than the event before it, a save whose events stop short
    /// of the number it wrote before the next save's begin, or a second re-chaining of the trail (the start-up step
    /// re-chains once; a second one means the scheme row was set back and the refusal evaded).
    /// </summary>
    private static AuditProblem? SequenceProblem(AuditEventRow row, Chain chain)
    {
        if (row.EntityVersion is { } version && chain.SaveVersion is { } previous && version != previous)
        {
            if (version < previous)
                return new AuditProblem(VersionDecreased, row.EntityType, row.EntityId, row.ChainIndex, row.Id,
                    $"this event is of version {version}, but the event before it was of version {previous}");
            if (chain.IncompleteSave() is { } missing)
                return new AuditProblem(IncompleteSave, row.EntityType, row.EntityId, row.ChainIndex - 1, null,
                    $"the save of version {previous} wrote {missing.Wrote} event(s), but {missing.Found} are stored");
        }
        if (row.EntityType == AuditTrailEntity.Type && row.Action == AuditTrailPreparation.AuditTrailRechained.Name &&
            chain.Rechainings > 0)
            return new AuditProblem(RechainedAgain, row.EntityType, row.EntityId, row.ChainIndex, row.Id,
                "the trail was re-chained a second time: the scheme row was set back to unkeyed after the trail was keyed, so " +
                "chains rewritten before this re-chaining may carry keyed links; compare them with a checkpoint kept from before");
        return null;
    }

    /// <summary>
    /// Per entity, one problem at most: its newest event not of the row's version (events of newer saves deleted, or the
    /// row changed or rolled back outside the save path), the newest save missing its last events, or (for chains from
    /// before migration 0009, whose events carry no version) more versions than events. A head newer than the row is
    /// looked up again: a save may have committed between reading the rows and reading the events.
    /// </summary>
    private async Task CheckVersionsAsync(IReadOnlyList<EntityVersionRow> versions, Dictionary<(string, Guid), Chain> chains,
        List<AuditProblem> problems, CancellationToken cancellationToken)
    {
        var found = new List<AuditProblem>();
        var newer = new List<EntityVersionRow>();
        foreach (var entity in versions)
        {
            var chain = chains.GetValueOrDefault((entity.EntityType, entity.Id));
            var events = chain?.Count ?? 0;
            var head = chain is { Broken: false } ? chain.SaveVersion : null;
            var what = $"the {entity.EntityType} is at version {entity.Version}";
            if (head is { } headVersion && headVersion > entity.Version)
                newer.Add(entity);
            else if (head is { } older && older < entity.Version)
                found.Add(new AuditProblem(VersionAhead, entity.EntityType, entity.Id, chain!.LastIndex, null,
                    $"{what} but its newest audit event is of version {older}: the events of newer saves were deleted, or the " +
                    "row was changed outside the audited save path"));
            else if (chain is { Broken: false } && chain.IncompleteSave() is { } missing)
                found.Add(new AuditProblem(IncompleteSave, entity.EntityType, entity.Id, chain.LastIndex, null,
                    $"{what}, and the save of that version wrote {missing.Wrote} audit event(s), but {missing.Found} are stored: " +
                    "its newest events were deleted"));
            else if (entity.Version > events)
                found.Add(new AuditProblem(VersionAhead, entity.EntityType, entity.Id, null, null,
                    $"{what} but has {events} audit event(s): changes were made or events deleted outside the audited save path"));
        }
        foreach (var lookup in newer.Chunk(IdsPerLookup))
        {
            var now = (await db.QueryAsync<EntityVersionRow>(db.Pick(AuditSql.EntityVersionsOf),
                    new { Ids = db.IdList(lookup.Select(e => e.Id)) }, cancellationToken))
                .ToDictionary(v => (v.EntityType, v.Id), v => v.Version);
            foreach (var entity in lookup)
            {
                var chain = chains[(entity.EntityType, entity.Id)];
                if (now.TryGetValue((entity.EntityType, entity.Id), out var version) && version < chain.SaveVersion)
                    found.Add(new AuditProblem(VersionBehind, entity.EntityType, entity.Id, chain.LastIndex, null,
                        $"the {entity.EntityType} is at version {version} but its newest audit event is of version " +
                        $"{chain.SaveVersion}: the row was rolled back outside the audited save path"));
            }
        }
        problems.AddRange(found);
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

        /// <summary>The entity version of the newest save read so far; null while its events carry none.</summary>
        public int? SaveVersion { get; private set; }

        public int Rechainings { get; private set; }

        private int? _saveWrote;
        private int _saveFound;

        public void Append(AuditEventRow row)
        {
            (LastIndex, LastHash, LastAction) = (row.ChainIndex, row.Hash, row.Action);
            Count++;
            if (row.EntityType == AuditTrailEntity.Type && row.Action == AuditTrailPreparation.AuditTrailRechained.Name)
                Rechainings++;
            if (row.EntityVersion is not null && row.EntityVersion == SaveVersion)
                _saveFound++;
            else
                (SaveVersion, _saveWrote, _saveFound) = (row.EntityVersion, row.EventsInSave, 1);
        }

        /// <summary>The newest save's events, when fewer are stored than it wrote.</summary>
        public (int Wrote, int Found)? IncompleteSave() =>
            _saveWrote is { } wrote && _saveFound < wrote ? (wrote, _saveFound) : null;
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
