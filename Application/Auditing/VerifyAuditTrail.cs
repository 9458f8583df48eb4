using FluentValidation;
using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Auditing;

/// <summary>
/// Re-computes every keyed hash chain, checks each entity's version against its events, and compares the chains with
/// the newest stored checkpoint.
/// </summary>
public sealed record VerifyAuditTrailQuery : IQuery<AuditVerification>;

public sealed class VerifyAuditTrailHandler(IAuditVerifier verifier, IAuditCheckpointStore checkpoints)
    : IQueryHandler<VerifyAuditTrailQuery, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var newest = (await checkpoints.ListAsync(1, null, cancellationToken)).Items;
        return await verifier.VerifyAsync(newest, cancellationToken);
    }
}

/// <summary>
/// The same checks, but against a checkpoint the caller kept (as <c>GET /audit/checkpoints</c> or the
/// <c>audit.checkpoint</c> webhook gave it): it proves a truncation even after the stored checkpoints were deleted.
/// </summary>
public sealed record VerifyAuditTrailAgainstCheckpointQuery(Guid Id, DateTimeOffset CreatedAt, IReadOnlyList<ChainHead> Heads,
    string Signature) : IQuery<AuditVerification>
{
    public AuditCheckpoint ToCheckpoint() => new(Id, CreatedAt, Heads, Signature);
}

public sealed class VerifyAuditTrailAgainstCheckpointValidator : AbstractValidator<VerifyAuditTrailAgainstCheckpointQuery>
{
    private const string HexHash = "^[0-9a-f]{64}$";

    public VerifyAuditTrailAgainstCheckpointValidator()
    {
        RuleFor(x => x.Id).NotEmpty();
        RuleFor(x => x.Heads).NotNull();
        RuleForEach(x => x.Heads).NotNull().ChildRules(head =>
        {
            head.RuleFor(h => h.EntityType).NotEmpty().MaximumLength(30);
            head.RuleFor(h => h.Length).GreaterThan(0);
            head.RuleFor(h => h.Hash).NotEmpty().Matches(HexHash).WithMessage("The hash must be 64 lower-case hex digits.");
        });
        RuleFor(x => x.Signature).NotEmpty().Matches(HexHash).WithMessage("The signature must be 64 lower-case hex digits.");
    }
}

public sealed class VerifyAuditTrailAgainstCheckpointHandler(IAuditVerifier verifier, IAuditKey key)
    : IQueryHandler<VerifyAuditTrailAgainstCheckpointQuery, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAuditTrailAgainstCheckpointQuery query, CancellationToken cancellationToken)
    {
        var kept = query.ToCheckpoint();
        if (!kept.IsSignedWith(key))
            throw InvalidField.Because("signature",
                "The signature does not match the checkpoint: it was changed after it was signed, or signed with another audit key.");
        return await verifier.VerifyAsync([kept], cancellationToken);
    }
}
