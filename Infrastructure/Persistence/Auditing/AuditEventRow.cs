using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rectify.Application.Auditing;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>An audit event as stored, and the text its link hash covers.</summary>
internal sealed class AuditEventRow
{
    /// <summary>What the first event of every chain links to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const int BatchSize = 1000;

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
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>The event's content and the previous link's hash: what the link's HMAC covers.</summary>
    public string LinkedText() => string.Join('\n', PrevHash, EntityType, EntityId.ToString("D"), ChainIndex, Action,
        ActorId?.ToString("D") ?? "", ActorName, DapperTypeHandlers.InstantText(OccurredAt), Changes);

    /// <summary>How links were made before migration 0009: plain SHA-256, which anyone who can write the table can redo.</summary>
    public static string UnkeyedHash(string linkedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(linkedText)));

    public AuditEventResponse ToResponse() => new(Id, EntityType, EntityId, Action, ActorId, ActorName, OccurredAt,
        JsonSerializer.Deserialize<List<AuditFieldChange>>(Changes, AuditJson.Options) ?? [], Hash);

    /// <summary>Every stored event in insertion order, read in batches.</summary>
    public static async IAsyncEnumerable<AuditEventRow> ReadAllAsync(DbSession db,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long afterSeq = 0;
        while (true)
        {
            var batch = await db.QueryAsync<AuditEventRow>(db.Pick(AuditSql.InSeqOrder),
                new { AfterSeq = afterSeq, Limit = BatchSize }, cancellationToken);
            foreach (var row in batch)
                yield return row;
            if (batch.Count < BatchSize)
                yield break;
            afterSeq = batch[^1].Seq;
        }
    }
}

/// <summary>The audit trail's own chain: events about the trail itself, such as its re-chaining.</summary>
internal static class AuditTrailEntity
{
    public const string Type = "audit";
    public static readonly Guid Id = Guid.Empty;
}

/// <summary>Whether a stored event is the valid next link of its chain.</summary>
internal static class ChainLink
{
    public static AuditProblem? Check(AuditEventRow row, int previousIndex, string previousHash, Func<string, string> hashOf)
    {
        var (kind, reason) = row.ChainIndex != previousIndex + 1 ? (AuditProblemKinds.MissingLink, "a link before this event is missing")
            : row.PrevHash != previousHash ? (AuditProblemKinds.AlteredLink, "the previous event was altered")
            : row.Hash != hashOf(row.LinkedText()) ? (AuditProblemKinds.Altered, "this event was altered")
            : (null, null);
        return kind is null ? null : new AuditProblem(kind, row.EntityType, row.EntityId, row.ChainIndex, row.Id, reason!);
    }
}
