using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.Application.Auditing.AuditProblemKinds;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>
/// Tampering by someone who can write the database but does not hold the audit key, each tried on a fresh database:
/// verify names every one by entity type, id and reason.
/// </summary>
public sealed class AuditTamperTests
{
    private RectifyApp _app = null!;
    private HttpClient _admin = null!;
    private AuditTampering _database = null!;

    [SetUp]
    public void StartApp()
    {
        _app = new RectifyApp();
        _admin = _app.Admin();
        _database = new AuditTampering(_app.DatabasePath);
    }

    [TearDown]
    public void StopApp()
    {
        _admin.Dispose();
        _app.Dispose();
    }

    /// <summary>A unit at version 2 with two events: created, then renamed 城关镇 → 城关街道.</summary>
    private async Task<Guid> RenamedUnitAsync()
    {
        var created = await (await _admin.PostAsJsonAsync("/api/v1/units",
            new { code = "T" + Guid.NewGuid().ToString("N")[..8], name = "城关镇", kind = "township" })).BodyAsync();
        var id = created["id"]!.GetValue<Guid>();
        (await _admin.PatchJsonAsync($"/api/v1/units/{id}", new { name = "城关街道" }, "\"1\"")).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> ItemAsync()
    {
        var inspection = InspectionApi.InspectionId(await _admin.CreateInspectionAsync());
        var unit = await _admin.CreateUnitAsync();
        return ItemApi.IdOf(await _admin.CreateItemAsync(ItemApi.ItemBody(inspection, unit, "I" + Guid.NewGuid().ToString("N")[..8])));
    }

    private static void AssertNamed(JsonObject verification, string kind, string entityType, Guid entityId)
    {
        Assert.That(verification.Intact(), Is.False, verification.ToJsonString());
        Assert.That(verification.Problems().Select(p => (p.Kind, p.EntityType, p.EntityId)), Does.Contain((kind, entityType, entityId)),
            verification.ToJsonString());
        Assert.That(verification.Problems().Where(p => p.EntityId == entityId).Select(p => p.Reason), Is.All.Not.Empty);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAnEventIsAppendedWithARecomputedUnkeyedHash_NamesTheForgery()
    {
        var unit = await RenamedUnitAsync();
        await _database.AppendUnkeyedAsync("unit", unit, "updated", """[{"field":"name","old":"城关街道","new":"城关镇"}]""");

        var verification = await _admin.VerifyAsync();

        AssertNamed(verification, Unkeyed, "unit", unit);
        var broken = verification["firstBrokenLink"]!;
        Assert.That(broken["chainIndex"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(broken["reason"]!.GetValue<string>(), Does.Contain("without the audit key"));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAWholeChainIsRewrittenWithUnkeyedHashes_NamesTheChain()
    {
        var unit = await RenamedUnitAsync();
        await _database.ExecuteAsync("UPDATE AuditEvents SET Changes = REPLACE(Changes, '城关街道', '城南街道') WHERE EntityId = @Id",
            new { Id = unit.ToString("D") });
        await _database.RewriteUnkeyedAsync("unit", unit);

        var verification = await _admin.VerifyAsync();

        AssertNamed(verification, Unkeyed, "unit", unit);
        Assert.That(verification["firstBrokenLink"]!["chainIndex"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAnItemsVersionExceedsItsEvents_NamesTheItem()
    {
        var item = await ItemAsync();
        Assert.That(await _database.ExecuteAsync("UPDATE Items SET Version = Version + 1 WHERE Id = @Id", new { Id = item.ToString("D") }),
            Is.EqualTo(1));

        var verification = await _admin.VerifyAsync();

        AssertNamed(verification, VersionAhead, "item", item);
        Assert.That(verification.Problems().Single().Reason, Does.StartWith(
            "the item is at version 2 but its newest audit event is of version 1: the events of newer saves were deleted"));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenTheNewestEventOfASaveThatWroteTwoIsDeleted_NamesTheItem()
    {
        var item = await ItemAsync();
        await _admin.ReportProgressAsync(item, "completed");
        var chain = await _database.ChainAsync("item", item);
        Assert.That(chain.Select(e => (e.Action, e.EntityVersion, e.EventsInSave)).TakeLast(2),
            Is.EqualTo(new[] { ("progress_reported", (int?)2, (int?)2), ("completed", 2, 2) }), "one save wrote both events");
        Assert.That(await _database.ExecuteAsync("DELETE FROM AuditEvents WHERE Id = @Id", new { Id = chain[^1].Id.ToString("D") }),
            Is.EqualTo(1));

        var verification = await _admin.VerifyAsync();

        AssertNamed(verification, IncompleteSave, "item", item);
        Assert.That(verification.Problems().Single().Reason, Is.EqualTo(
            "the item is at version 2, and the save of that version wrote 2 audit event(s), but 1 are stored: its newest events were deleted"));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAnItemsRowIsRolledBackBelowItsNewestEvent_NamesTheItem()
    {
        var item = await ItemAsync();
        await _admin.ReportProgressAsync(item, "in_progress");
        await _database.ExecuteAsync("UPDATE Items SET Version = 1 WHERE Id = @Id", new { Id = item.ToString("D") });

        AssertNamed(await _admin.VerifyAsync(), VersionBehind, "item", item);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenTheSchemeRowIsSetBackToUnkeyed_NamesIt()
    {
        await _database.SetSchemeUnkeyedAsync();

        AssertNamed(await _admin.VerifyAsync(), SchemeNotKeyed, "audit_chain_scheme", Guid.Empty);
    }

    [Test]
    public async Task NextStart_WhenAChainIsRewrittenUnkeyedAndTheSchemeSetBack_IsRefusedAndTheForgeryStaysNamed()
    {
        var unit = await RenamedUnitAsync();
        await _database.ExecuteAsync("UPDATE AuditEvents SET Changes = REPLACE(Changes, '城关街道', '城南街道') WHERE EntityId = @Id",
            new { Id = unit.ToString("D") });
        await _database.RewriteUnkeyedAsync("unit", unit, asBefore0009: true);
        await _database.SetSchemeUnkeyedAsync();

        var refused = Assert.Throws<InvalidOperationException>(() =>
        {
            using var again = new RectifyApp(new Dictionary<string, string> { ["Database:SqlitePath"] = _app.DatabasePath });
            again.Admin().Dispose();
        });

        Assert.That(refused!.Message, Does.Contain("verifies under the audit key").And.Contain("the scheme row was tampered with"));
        Assert.That(await _database.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE EntityType = 'audit'"), Is.Zero,
            "nothing was re-chained");
        var verification = await _admin.VerifyAsync();
        AssertNamed(verification, Unkeyed, "unit", unit);
        AssertNamed(verification, SchemeNotKeyed, "audit_chain_scheme", Guid.Empty);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenEveryEventOfAnItemIsDeleted_NamesTheItem()
    {
        var item = await ItemAsync();
        await _database.ExecuteAsync("DELETE FROM AuditEvents WHERE EntityId = @Id", new { Id = item.ToString("D") });

        AssertNamed(await _admin.VerifyAsync(), VersionAhead, "item", item);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenARowIsDeletedWithoutADeletedEvent_NamesTheEntity()
    {
        using var issued = await _admin.PostAsJsonAsync("/api/v1/clients", new { name = "临时对接", scopes = new[] { "read" } });
        var client = (await issued.BodyAsync())["id"]!.GetValue<Guid>();
        await _database.ExecuteAsync("DELETE FROM Clients WHERE Id = @Id", new { Id = client.ToString("D") });

        AssertNamed(await _admin.VerifyAsync(), RowMissing, "client", client);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenTheNewestEventIsDeletedAfterACheckpoint_NamesTheTruncatedChain()
    {
        var unit = await RenamedUnitAsync();
        await _admin.CheckpointAsync();
        await TruncateToFirstEventAsync(unit);

        var verification = await _admin.VerifyAsync();

        AssertNamed(verification, Truncated, "unit", unit);
        Assert.That(verification.Problems(), Has.Count.EqualTo(1), "the row was rolled back too: only the checkpoint shows it");
    }

    [Test]
    public async Task VerifyAgainstAKeptCheckpoint_WhenTheNewestEventsAndEveryStoredCheckpointAreDeleted_NamesTheTruncatedChain()
    {
        var unit = await RenamedUnitAsync();
        var kept = await _admin.CheckpointAsync();
        await TruncateToFirstEventAsync(unit);
        await _database.ExecuteAsync("DELETE FROM AuditCheckpoints");

        Assert.That((await _admin.VerifyAsync()).Intact(), Is.True, "nothing left in the database shows the truncation");
        var verification = await _admin.VerifyAgainstAsync(kept);

        AssertNamed(verification, Truncated, "unit", unit);
        Assert.That(verification.Problems().Single().Reason, Does.StartWith("the chain now ends at event 1, but checkpoint"));
        Assert.That(verification["checkpointsChecked"]!.AsArray().Single()!.GetValue<Guid>(), Is.EqualTo(kept["id"]!.GetValue<Guid>()));
    }

    /// <summary>Deletes the unit's newest event and puts its row back as it was before that change, as a careful forger would.</summary>
    private async Task TruncateToFirstEventAsync(Guid unit)
    {
        var id = new { Id = unit.ToString("D") };
        Assert.That(await _database.ExecuteAsync("DELETE FROM AuditEvents WHERE EntityId = @Id AND ChainIndex = 2", id), Is.EqualTo(1));
        Assert.That(await _database.ExecuteAsync("UPDATE Units SET Version = 1, Name = '城关镇' WHERE Id = @Id", id), Is.EqualTo(1));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenTheStoredCheckpointIsAltered_ReportsItForged()
    {
        var checkpoint = (await _admin.CheckpointAsync())["id"]!.GetValue<Guid>();
        await _database.ExecuteAsync("UPDATE AuditCheckpoints SET CreatedAt = '2026-01-01T00:00:00.0000000Z'");

        AssertNamed(await _admin.VerifyAsync(), CheckpointForged, "audit_checkpoint", checkpoint);
    }

    [Test]
    public async Task VerifyAgainstACheckpoint_WhenItWasChangedAfterSigning_Is400OnTheSignature()
    {
        var kept = await _admin.CheckpointAsync();
        var head = kept["heads"]!.AsArray()[0]!;
        head["length"] = head["length"]!.GetValue<int>() + 1;

        using var response = await _admin.PostAsJsonAsync("/api/v1/audit/verify", kept);

        await response.ValidationProblemAsync("signature");
    }

    [Test]
    public async Task VerifyAgainstACheckpoint_WhenAHashIsNotHex_Is400OnThatHead()
    {
        var kept = await _admin.CheckpointAsync();
        kept["heads"]!.AsArray()[0]!["hash"] = "not a hash";

        using var response = await _admin.PostAsJsonAsync("/api/v1/audit/verify", kept);

        await response.ValidationProblemAsync("heads[0].hash");
    }
}
