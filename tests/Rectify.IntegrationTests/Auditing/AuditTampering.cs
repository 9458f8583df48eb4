using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Rectify.Infrastructure.Persistence.Auditing;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>
/// What someone with write access to the database file, but not the audit key, can do to the trail: run any SQL, and
/// re-make links the way they were made before the key (plain SHA-256 of the same text).
/// </summary>
internal sealed class AuditTampering(string databasePath)
{
    private const string Columns =
        "Seq, Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, EntityVersion, EventsInSave, " +
        "PrevHash, Hash";

    private SqliteConnection Open() => new($"Data Source={databasePath};Pooling=False");

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async Task<List<AuditEventRow>> ChainAsync(string entityType, Guid entityId)
    {
        await using var connection = Open();
        return (await connection.QueryAsync<AuditEventRow>(
            $"SELECT {Columns} FROM AuditEvents WHERE EntityType = @EntityType AND EntityId = @EntityId ORDER BY ChainIndex",
            new { EntityType = entityType, EntityId = entityId.ToString("D") })).ToList();
    }

    /// <summary>Every chain, as (entity type, entity id).</summary>
    public async Task<List<(string EntityType, Guid EntityId)>> ChainsAsync()
    {
        await using var connection = Open();
        return (await connection.QueryAsync<ChainRow>("SELECT DISTINCT EntityType, EntityId FROM AuditEvents"))
            .Select(c => (c.EntityType, c.EntityId)).ToList();
    }

    private sealed class ChainRow
    {
        public string EntityType { get; init; } = "";
        public Guid EntityId { get; init; }
    }

    /// <summary>Appends a forged event after the chain's head, linked to it, its hash re-made without the key (the old way).</summary>
    public async Task AppendUnkeyedAsync(string entityType, Guid entityId, string action, string changes)
    {
        var head = (await ChainAsync(entityType, entityId))[^1];
        var forged = new AuditEventRow
        {
            Id = Guid.CreateVersion7(), EntityType = entityType, EntityId = entityId, ChainIndex = head.ChainIndex + 1, Action = action,
            ActorId = head.ActorId, ActorName = head.ActorName, OccurredAt = head.OccurredAt.AddMinutes(1), Changes = changes,
            PrevHash = head.Hash,
        };
        forged.Hash = AuditEventRow.UnkeyedHash(forged.UnkeyedLinkedText());
        await ExecuteAsync("""
            INSERT INTO AuditEvents (Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, PrevHash, Hash)
            VALUES (@Id, @EntityType, @EntityId, @ChainIndex, @Action, @ActorId, @ActorName, @OccurredAt, @Changes, @PrevHash, @Hash)
            """, forged);
    }

    /// <summary>
    /// Re-makes every link of the chain, in order, the unkeyed way (the text links covered before migration 0009): what a
    /// rewritten history looks like. <paramref name="asBefore0009"/> also clears what only later events record (the
    /// entity version and the number of events of the save), so the chain looks as if written before the key.
    /// </summary>
    public async Task RewriteUnkeyedAsync(string entityType, Guid entityId, bool asBefore0009 = false)
    {
        var previous = AuditEventRow.Genesis;
        foreach (var row in await ChainAsync(entityType, entityId))
        {
            if (asBefore0009)
                (row.EntityVersion, row.EventsInSave) = (null, null);
            row.PrevHash = previous;
            row.Hash = previous = AuditEventRow.UnkeyedHash(row.UnkeyedLinkedText());
            await ExecuteAsync("""
                UPDATE AuditEvents SET PrevHash = @PrevHash, Hash = @Hash, EntityVersion = @EntityVersion, EventsInSave = @EventsInSave
                WHERE Seq = @Seq
                """, row);
        }
    }

    /// <summary>Re-makes every chain as <see cref="RewriteUnkeyedAsync"/> does, and sets the scheme row back to unkeyed.</summary>
    public async Task RewriteEverythingUnkeyedAsync()
    {
        foreach (var (entityType, entityId) in await ChainsAsync())
            await RewriteUnkeyedAsync(entityType, entityId, asBefore0009: true);
        await SetSchemeUnkeyedAsync();
    }

    /// <summary>What the start-up step reads to decide whether to re-chain: set back to the scheme before migration 0009.</summary>
    public Task SetSchemeUnkeyedAsync() => ExecuteAsync("UPDATE AuditChainScheme SET Scheme = 'sha256', KeyId = NULL");

    /// <summary>
    /// Appends an event with a link made under <paramref name="key"/>: what only the key's holder (the service itself)
    /// can write, to try what verify makes of a keyed event in the wrong place.
    /// </summary>
    public async Task AppendKeyedAsync(byte[] key, string entityType, Guid entityId, string action, string changes)
    {
        var head = (await ChainAsync(entityType, entityId))[^1];
        var auditKey = new AuditKey();
        auditKey.Use(key);
        var row = new AuditEventRow
        {
            Id = Guid.CreateVersion7(), EntityType = entityType, EntityId = entityId, ChainIndex = head.ChainIndex + 1, Action = action,
            ActorName = "system", OccurredAt = head.OccurredAt.AddMinutes(1), Changes = changes, EventsInSave = 1, PrevHash = head.Hash,
        };
        row.Hash = auditKey.Sign(row.LinkedText());
        await ExecuteAsync("""
            INSERT INTO AuditEvents (Id, EntityType, EntityId, ChainIndex, Action, ActorId, ActorName, OccurredAt, Changes, EntityVersion,
                EventsInSave, PrevHash, Hash)
            VALUES (@Id, @EntityType, @EntityId, @ChainIndex, @Action, @ActorId, @ActorName, @OccurredAt, @Changes, @EntityVersion,
                @EventsInSave, @PrevHash, @Hash)
            """, row);
    }
}

/// <summary>The audit endpoints, as an auditor drives them.</summary>
internal static class AuditApi
{
    public static async Task<JsonObject> VerifyAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/audit/verify");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static async Task<JsonObject> VerifyAgainstAsync(this HttpClient client, JsonObject keptCheckpoint)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/audit/verify", keptCheckpoint);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static async Task<JsonObject> CheckpointAsync(this HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/audit/checkpoints", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    /// <summary>The problems a verification names, as (kind, entityType, entityId, reason).</summary>
    public static List<(string Kind, string EntityType, Guid EntityId, string Reason)> Problems(this JsonObject verification) =>
        verification["problems"]!.AsArray().Select(p => (p!["kind"]!.GetValue<string>(), p["entityType"]!.GetValue<string>(),
            p["entityId"]!.GetValue<Guid>(), p["reason"]!.GetValue<string>())).ToList();

    public static bool Intact(this JsonObject verification) => verification["intact"]!.GetValue<bool>();
}
