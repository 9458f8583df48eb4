using System.Buffers;
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

    private const string LinkFormat = "rectify-audit-link-v2";

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

    /// <summary>The entity's version after the save that wrote this event; NULL for events written before migration 0009.</summary>
    public int? EntityVersion { get; set; }

    /// <summary>How many events the save that wrote this event wrote; NULL for events written before migration 0009.</summary>
    public int? EventsInSave { get; set; }

    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>
    /// What the link's HMAC covers: the previous link's hash and every stored field of the event, as one JSON array
    /// (a format tag first). Each field is a JSON value of its own, so no field's content can pass for a boundary.
    /// </summary>
    public string LinkedText()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(LinkFormat);
            json.WriteStringValue(PrevHash);
            json.WriteStringValue(Id.ToString("D"));
            json.WriteStringValue(EntityType);
            json.WriteStringValue(EntityId.ToString("D"));
            json.WriteNumberValue(ChainIndex);
            WriteNullable(json, EntityVersion);
            WriteNullable(json, EventsInSave);
            json.WriteStringValue(Action);
            if (ActorId is { } actorId)
                json.WriteStringValue(actorId.ToString("D"));
            else
                json.WriteNullValue();
            json.WriteStringValue(ActorName);
            json.WriteStringValue(DapperTypeHandlers.InstantText(OccurredAt));
            json.WriteStringValue(Changes);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNullable(Utf8JsonWriter json, int? value)
    {
        if (value is { } number)
            json.WriteNumberValue(number);
        else
            json.WriteNullValue();
    }

    /// <summary>
    /// The text links covered before migration 0009: fields joined by newlines, without the event id. It is ambiguous
    /// (a newline in the actor's name shifts the fields), so it is only read: to check an old unkeyed trail before
    /// re-chaining it, and to tell a forged unkeyed link from an altered one.
    /// </summary>
    public string UnkeyedLinkedText() => string.Join('\n', PrevHash, EntityType, EntityId.ToString("D"), ChainIndex, Action,
        ActorId?.ToString("D") ?? "", ActorName, DapperTypeHandlers.InstantText(OccurredAt), Changes);

    /// <summary>How links were made before migration 0009: plain SHA-256, which anyone who can write the table can redo.</summary>
    public static string UnkeyedHash(string linkedText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(linkedText)));

    /// <summary>Whether this event's hash is a plain SHA-256 of its content, in the old text or the keyed one.</summary>
    public bool HasUnkeyedHash => Hash == UnkeyedHash(UnkeyedLinkedText()) || Hash == UnkeyedHash(LinkedText());

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
    public static AuditProblem? Check(AuditEventRow row, int previousIndex, string previousHash, Func<AuditEventRow, string> hashOf)
    {
        var (kind, reason) = row.ChainIndex != previousIndex + 1 ? (AuditProblemKinds.MissingLink, "a link before this event is missing")
            : row.PrevHash != previousHash ? (AuditProblemKinds.AlteredLink, "the previous event was altered")
            : row.Hash != hashOf(row) ? (AuditProblemKinds.Altered, "this event was altered")
            : (null, null);
        return kind is null ? null : new AuditProblem(kind, row.EntityType, row.EntityId, row.ChainIndex, row.Id, reason!);
    }
}
