using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Webhooks.WebhookTest;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>Checkpoints: every chain's head, signed, made on demand, listed newest first, and good to verify against.</summary>
public sealed class AuditCheckpointTests : ApiTest
{
    private async Task<Guid> RenamedUnitAsync()
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/units",
            new { code = NewCode(), name = "城关镇", kind = "township" })).BodyAsync();
        var id = created["id"]!.GetValue<Guid>();
        (await Admin.PatchJsonAsync($"/api/v1/units/{id}", new { name = "城关街道" }, "\"1\"")).EnsureSuccessStatusCode();
        return id;
    }

    [Test]
    public async Task CreateAuditCheckpoint_RecordsEveryChainsHeadSigned()
    {
        var unit = await RenamedUnitAsync();
        var newest = (await new AuditTampering(App.DatabasePath).ChainAsync("unit", unit))[^1];

        using var response = await Admin.PostAsync("/api/v1/audit/checkpoints", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var checkpoint = await response.BodyAsync();
        var heads = checkpoint["heads"]!.AsArray().Select(h => h!.AsObject()).ToList();
        var head = heads.Single(h => h["entityId"]!.GetValue<Guid>() == unit);
        Assert.That((head["entityType"].Text(), head["length"]!.GetValue<int>(), head["hash"].Text()), Is.EqualTo(("unit", 2, newest.Hash)));
        Assert.That(checkpoint["chains"]!.GetValue<int>(), Is.EqualTo(heads.Count));
        Assert.That(checkpoint["events"]!.GetValue<long>(), Is.EqualTo(heads.Sum(h => h["length"]!.GetValue<long>())));
        Assert.That(checkpoint["signature"].Text(), Does.Match("^[0-9a-f]{64}$"));
        using var read = await Admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.That((await read.BodyAsync()).ToJsonString(), Is.EqualTo(checkpoint.ToJsonString()));
        Assert.That((await Admin.VerifyAgainstAsync(checkpoint)).Intact(), Is.True);
    }

    [Test]
    public async Task ListAuditCheckpoints_PagesNewestFirst()
    {
        var made = new List<Guid>();
        for (var i = 0; i < 3; i++)
            made.Add((await Admin.CheckpointAsync())["id"]!.GetValue<Guid>());

        var listed = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Admin.GetListAsync("/api/v1/audit/checkpoints?limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
            listed.Add(page["items"]![0]!["id"]!.GetValue<Guid>());
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.That(listed.Where(made.Contains), Is.EqualTo(Enumerable.Reverse(made)));
    }

    [Test]
    public async Task GetAuditCheckpoint_WhenUnknown_Is404()
    {
        using var response = await Admin.GetAsync($"/api/v1/audit/checkpoints/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task AuditEndpoints_WithoutTheAdminScope_Are403()
    {
        using var reader = await App.WithScopesAsync(["read", "write"]);

        foreach (var uri in new[] { "/api/v1/audit/checkpoints", "/api/v1/audit/verify" })
            await (await reader.GetAsync(uri)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsync("/api/v1/audit/checkpoints", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>The schedule: a checkpoint once the newest is older than Audit:CheckpointInterval, and not before.</summary>
public sealed class AuditCheckpointScheduleTests
{
    [Test]
    public async Task Checkpoints_AreMadeEveryInterval_AndNotMoreOften()
    {
        using var app = new RectifyApp(new Dictionary<string, string> { ["Audit:CheckpointInterval"] = "00:00:01" });
        using var admin = app.Admin();
        async Task<int> CountAsync() => (await admin.GetListAsync("/api/v1/audit/checkpoints"))["items"]!.AsArray().Count;

        await EventuallyAsync(async () => await CountAsync() == 1, "the first scheduled checkpoint");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.That(await CountAsync(), Is.EqualTo(1), "the clock stood still: the next one is not due");

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await EventuallyAsync(async () => await CountAsync() == 2, "the next checkpoint, an interval later");
    }
}
