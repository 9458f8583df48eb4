using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>The audit trail is hash-chained: editing or deleting a stored event is detected and located.</summary>
// Each test gets its own database, because verification reports the first broken link of all.
public sealed class AuditChainTests
{
    private RectifyApp _app = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public void StartApp()
    {
        _app = new RectifyApp();
        _admin = _app.Admin();
    }

    [TearDown]
    public void StopApp()
    {
        _admin.Dispose();
        _app.Dispose();
    }

    private static string NewCode() => "A" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CreateAndRenameUnitAsync()
    {
        var created = await (await _admin.PostAsJsonAsync("/api/v1/units",
            new { code = NewCode(), name = "城关镇", kind = "township" })).BodyAsync();
        var id = created["id"]!.GetValue<string>();
        (await _admin.PatchJsonAsync($"/api/v1/units/{id}", new { name = "城关街道" }, "\"1\"")).EnsureSuccessStatusCode();
        return id;
    }

    private async Task TamperAsync(string sql, string entityId)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@EntityId", entityId);
        Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAnEventWasEdited_ReportsThatEvent()
    {
        var unitId = await CreateAndRenameUnitAsync();
        await TamperAsync("UPDATE AuditEvents SET Changes = REPLACE(Changes, '城关街道', '别的名字') " +
                          "WHERE EntityId = @EntityId AND ChainIndex = 2", unitId);

        var result = await (await _admin.GetAsync("/api/v1/audit/verify")).BodyAsync();

        Assert.That(result["intact"]!.GetValue<bool>(), Is.False);
        var broken = result["firstBrokenLink"]!;
        Assert.That(broken["entityId"]!.GetValue<string>(), Is.EqualTo(unitId));
        Assert.That(broken["chainIndex"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(broken["reason"]!.GetValue<string>(), Is.EqualTo("this event was altered"));
    }

    [Test]
    public async Task VerifyAuditTrail_WhenAnEventWasDeleted_ReportsTheGap()
    {
        var unitId = await CreateAndRenameUnitAsync();
        (await _admin.PatchJsonAsync($"/api/v1/units/{unitId}", new { name = "城关镇" }, "\"2\"")).EnsureSuccessStatusCode();
        await TamperAsync("DELETE FROM AuditEvents WHERE EntityId = @EntityId AND ChainIndex = 2", unitId);

        var result = await (await _admin.GetAsync("/api/v1/audit/verify")).BodyAsync();

        Assert.That(result["intact"]!.GetValue<bool>(), Is.False);
        Assert.That(result["firstBrokenLink"]!["chainIndex"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(result["firstBrokenLink"]!["reason"]!.GetValue<string>(), Is.EqualTo("a link before this event is missing"));
    }
}
