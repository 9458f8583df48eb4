using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Items;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>
/// A database from before the audit key (links of plain SHA-256, no key file) is re-chained with the key once, at the
/// first start after migration 0009, and that re-chaining is the first event of the trail's own chain ("audit").
/// </summary>
public sealed class AuditRechainingTests
{
    private RectifyApp _old = null!;
    private AuditTampering _database = null!;
    private readonly List<Guid> _units = [];

    [SetUp]
    public async Task MakeAnOldStyleDatabaseAsync()
    {
        _old = new RectifyApp();
        using (var admin = _old.Admin())
            for (var i = 0; i < 2; i++)
            {
                var unit = await admin.CreateUnitAsync($"第{i + 1}镇", kind: "township");
                (await admin.PatchJsonAsync($"/api/v1/units/{unit}", new { name = $"第{i + 1}街道" }, "\"1\"")).EnsureSuccessStatusCode();
                _units.Add(unit);
            }
        _database = new AuditTampering(_old.DatabasePath);
        await _database.RewriteEverythingUnkeyedAsync();
        File.Delete(_old.AuditKeyPath);
    }

    [TearDown]
    public void Remove()
    {
        _units.Clear();
        _old.Dispose();
    }

    /// <summary>Another instance of the new version, started on the old database.</summary>
    private RectifyApp Restart() => new(new Dictionary<string, string> { ["Database:SqlitePath"] = _old.DatabasePath });

    private async Task<List<JsonObject>> RechainingsAsync()
    {
        var events = await _database.ChainAsync("audit", Guid.Empty);
        Assert.That(events.Select(e => e.Action), Is.All.EqualTo("rechained"));
        return events.Select(e => new JsonObject(JsonNode.Parse(e.Changes)!.AsArray()
            .Select(c => KeyValuePair.Create(c!["field"]!.GetValue<string>(), c["new"]?.DeepClone())))).ToList();
    }

    [Test]
    public async Task FirstStart_RechainsTheOldTrailOnce_AndAuditsTheRechaining()
    {
        var eventsBefore = await _database.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents");
        var chainsBefore = (await _database.ChainsAsync()).Count;

        using (var first = Restart())
        {
            using var admin = first.Admin();
            var verification = await admin.VerifyAsync();
            Assert.That(verification.Intact(), Is.True, verification.ToJsonString());
            Assert.That(verification["eventsChecked"]!.GetValue<long>(), Is.EqualTo(eventsBefore + 1));
        }
        using (var second = Restart())
        {
            using var admin = second.Admin();
            Assert.That((await admin.VerifyAsync()).Intact(), Is.True);
        }

        var rechained = (await RechainingsAsync()).Single();
        Assert.That(rechained["scheme"]!.GetValue<string>(), Is.EqualTo("hmac-sha256"));
        Assert.That(rechained["chainsRechained"]!.GetValue<int>(), Is.EqualTo(chainsBefore));
        Assert.That(rechained["eventsRechained"]!.GetValue<long>(), Is.EqualTo(eventsBefore));
        Assert.That(rechained["oldChainsIntact"]!.GetValue<bool>(), Is.True);
        Assert.That(await _database.ScalarAsync<string>("SELECT Scheme FROM AuditChainScheme"), Is.EqualTo("hmac-sha256"));
        Assert.That(File.Exists(_old.AuditKeyPath), Is.True, "the re-chaining made the key file");
    }

    [Test]
    public async Task FirstStart_WhenAnOldChainIsAlreadyBroken_LeavesItUnkeyedAndSaysSo()
    {
        var (broken, intact) = (_units[0], _units[1]);
        await _database.ExecuteAsync("UPDATE AuditEvents SET Changes = REPLACE(Changes, '第1街道', '伪造') WHERE EntityId = @Id AND ChainIndex = 2",
            new { Id = broken.ToString("D") });

        using var restarted = Restart();
        using var admin = restarted.Admin();
        var verification = await admin.VerifyAsync();

        Assert.That(verification.Problems().Select(p => (p.Kind, p.EntityId)), Is.EqualTo(new[] { ("unkeyed", broken) }),
            verification.ToJsonString());
        Assert.That(verification.Problems().Select(p => p.EntityId), Does.Not.Contain(intact));
        var rechained = (await RechainingsAsync()).Single();
        Assert.That(rechained["oldChainsIntact"]!.GetValue<bool>(), Is.False);
        var left = rechained["chainsLeftUnkeyed"]!.AsArray().Single()!;
        Assert.That((left["entityId"]!.GetValue<Guid>(), left["chainIndex"]!.GetValue<int>(), left["reason"]!.GetValue<string>()),
            Is.EqualTo((broken, 2, "this event was altered")));
    }

    [Test]
    public async Task NextStart_WhenTheWholeTrailIsRewrittenUnkeyedAndTheSchemeSetBack_IsRefusedBecauseTheTrailRecordsItsRechaining()
    {
        using (var first = Restart())
            first.Admin().Dispose();
        await _database.ExecuteAsync("UPDATE AuditEvents SET Changes = REPLACE(Changes, '第1街道', '伪造') WHERE EntityId = @Id",
            new { Id = _units[0].ToString("D") });
        await _database.RewriteEverythingUnkeyedAsync();

        var refused = Assert.Throws<InvalidOperationException>(() =>
        {
            using var again = Restart();
            again.Admin().Dispose();
        });

        Assert.That(refused!.Message, Does.Contain("the trail's own chain records a re-chaining already")
            .And.Contain("the scheme row was tampered with"));
        Assert.That(await _database.ScalarAsync<long>("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'rechained'"), Is.EqualTo(1));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenTheTrailRecordsASecondRechaining_NamesIt()
    {
        using var restarted = Restart();
        using var admin = restarted.Admin();
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(_old.AuditKeyPath)).Trim());
        await _database.AppendKeyedAsync(key, "audit", Guid.Empty, "rechained", """[{"field":"scheme","old":"sha256","new":"hmac-sha256"}]""");

        var verification = await admin.VerifyAsync();

        Assert.That(verification.Problems().Select(p => (p.Kind, p.EntityType, p.EntityId)),
            Is.EqualTo(new[] { ("rechained_again", "audit", Guid.Empty) }), verification.ToJsonString());
    }
}
