namespace Rectify.Application.Auditing;

/// <summary>
/// The result of checking the whole audit trail: every chain link by link, every entity's version against its events,
/// and the chains against the checkpoints given. <see cref="FirstBrokenLink"/> is the first of <see cref="Problems"/>.
/// </summary>
/// <param name="ProblemCount">All problems found; <see cref="Problems"/> lists the first <see cref="MaxListed"/>.</param>
/// <param name="CheckpointsChecked">The checkpoints the chains were compared with: the newest stored one and the one sent.</param>
public sealed record AuditVerification(
    bool Intact,
    long EventsChecked,
    int ChainsChecked,
    int EntitiesChecked,
    IReadOnlyList<Guid> CheckpointsChecked,
    AuditProblem? FirstBrokenLink,
    int ProblemCount,
    IReadOnlyList<AuditProblem> Problems)
{
    public const int MaxListed = 1000;
}

/// <summary>
/// One thing verification found, named by the entity whose chain shows it. <paramref name="Kind"/> is one of
/// <see cref="AuditProblemKinds"/>; <paramref name="ChainIndex"/> and <paramref name="EventId"/> point at the event
/// concerned when there is one.
/// </summary>
public sealed record AuditProblem(string Kind, string EntityType, Guid EntityId, int? ChainIndex, Guid? EventId, string Reason);

public static class AuditProblemKinds
{
    public const string MissingLink = "missing_link";
    public const string AlteredLink = "altered_link";
    public const string Altered = "altered";
    public const string Unkeyed = "unkeyed";
    public const string VersionAhead = "version_ahead";
    public const string VersionBehind = "version_behind";
    public const string VersionDecreased = "version_decreased";
    public const string IncompleteSave = "incomplete_save";
    public const string SchemeNotKeyed = "scheme_not_keyed";
    public const string RechainedAgain = "rechained_again";
    public const string RowMissing = "row_missing";
    public const string Truncated = "truncated";
    public const string CheckpointMismatch = "checkpoint_mismatch";
    public const string CheckpointForged = "checkpoint_forged";
}

public interface IAuditVerifier
{
    /// <summary>Checks every chain and entity, and compares the chains with each of <paramref name="checkpoints"/>.</summary>
    Task<AuditVerification> VerifyAsync(IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken);
}
