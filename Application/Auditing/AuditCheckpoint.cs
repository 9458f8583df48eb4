using System.Globalization;
using System.Text;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Auditing;

/// <summary>The newest link of one entity's chain: its index (the chain's length) and its hash.</summary>
public sealed record ChainHead(string EntityType, Guid EntityId, int Length, string Hash);

/// <summary>
/// Every chain's head at one moment, signed with the audit key. A party that keeps it can later prove that a chain
/// was cut back or rewritten, even if the checkpoint itself was deleted from the database.
/// </summary>
public sealed record AuditCheckpoint(Guid Id, DateTimeOffset CreatedAt, IReadOnlyList<ChainHead> Heads, string Signature)
{
    public int Chains => Heads.Count;
    public long Events => Heads.Sum(h => (long)h.Length);

    /// <summary>
    /// What the signature covers, one line each: a version tag, the id, the UTC instant, then every head as
    /// "type id length hash" in ordinal order, so the order the heads are listed in does not matter.
    /// </summary>
    public string SignedText()
    {
        var text = new StringBuilder("rectify-audit-checkpoint-v1\n")
            .Append(Id.ToString("D")).Append('\n')
            .Append(CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var head in Heads.OrderBy(h => h.EntityType, StringComparer.Ordinal)
                     .ThenBy(h => h.EntityId.ToString("D"), StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{head.EntityType} {head.EntityId:D} {head.Length} {head.Hash}\n");
        return text.ToString();
    }

    public bool IsSignedWith(IAuditKey key) => key.Verifies(SignedText(), Signature);
}

/// <summary>The audit key: chain links and checkpoints are HMAC-SHA256 with it. It is never stored in the database.</summary>
public interface IAuditKey
{
    /// <summary>The HMAC-SHA256 of the UTF-8 text, in lower-case hex.</summary>
    string Sign(string text);

    bool Verifies(string text, string signature);
}

public interface IAuditCheckpointStore
{
    /// <summary>The head of every chain as stored now.</summary>
    Task<IReadOnlyList<ChainHead>> ReadHeadsAsync(CancellationToken cancellationToken);

    Task InsertAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);

    Task<AuditCheckpoint?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<AuditCheckpoint>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken);
}
