using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Rectify.IntegrationTests.Clients;

/// <summary>A leaked or retired key can be revoked, and keys of a deactivated unit stop working with it.</summary>
public sealed class ClientRevocationTests : ApiTest
{
    private async Task<(string Id, string Key)> IssueAsync(object body)
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/clients", body)).BodyAsync();
        return (created["id"]!.GetValue<string>(), created["key"]!.GetValue<string>());
    }

    [Test]
    public async Task DeactivateClient_WithIfMatch_StopsItsKeyAndKeepsItListed()
    {
        var (id, key) = await IssueAsync(new { name = "市级平台", scopes = new[] { "read" } });
        using var holder = App.WithKey(key);
        Assert.That((await holder.GetAsync("/api/v1/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = (await Admin.GetAsync($"/api/v1/clients/{id}")).ETag();

        var response = await Admin.DeleteAsync($"/api/v1/clients/{id}", etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.BodyAsync())["active"]!.GetValue<bool>(), Is.False);
        await (await holder.GetAsync("/api/v1/units")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That((await Admin.GetAsync($"/api/v1/clients/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeactivateClient_WithoutIfMatch_Returns428AndTheKeyStillWorks()
    {
        var (id, key) = await IssueAsync(new { name = "区级平台", scopes = new[] { "read" } });

        await (await Admin.DeleteAsync($"/api/v1/clients/{id}", ifMatch: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);

        using var holder = App.WithKey(key);
        Assert.That((await holder.GetAsync("/api/v1/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task KeyOfADeactivatedUnit_IsRefused()
    {
        var unit = await (await Admin.PostAsJsonAsync("/api/v1/units", new { code = NewCode(), name = "撤并乡镇", kind = "township" })).BodyAsync();
        var unitId = unit["id"]!.GetValue<string>();
        var (_, key) = await IssueAsync(new { name = "乡镇填报", scopes = new[] { "read", "report" }, unitId });
        using var holder = App.WithKey(key);
        Assert.That((await holder.GetAsync("/api/v1/items")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        (await Admin.DeleteAsync($"/api/v1/units/{unitId}", "*")).EnsureSuccessStatusCode();

        await (await holder.GetAsync("/api/v1/items")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// Another instance revoking the key is simulated by writing the database directly: this instance keeps the client it
    /// authenticated for Auth:KeyCacheSeconds (5 by default), then looks again.
    /// </summary>
    [Test]
    public async Task KeyRevokedElsewhere_WorksHereUntilItsCacheEntryExpires()
    {
        var (id, key) = await IssueAsync(new { name = "另一实例停用", scopes = new[] { "read" } });
        using var holder = App.WithKey(key);
        Assert.That((await holder.GetAsync("/api/v1/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using (var database = new SqliteConnection($"Data Source={App.DatabasePath}"))
        {
            await database.OpenAsync();
            await using var revoke = database.CreateCommand();
            revoke.CommandText = "UPDATE Clients SET Active = 0 WHERE Id = $id";
            revoke.Parameters.AddWithValue("$id", id);
            Assert.That(await revoke.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        Assert.That((await holder.GetAsync("/api/v1/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "cached");
        App.Clock.Advance(TimeSpan.FromSeconds(6));
        await (await holder.GetAsync("/api/v1/units")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task DeactivateClient_OwnKey_Returns409AndTheKeyStillWorks()
    {
        var (id, key) = await IssueAsync(new { name = "第二管理员", scopes = new[] { "admin" } });
        using var self = App.WithKey(key);

        await (await self.DeleteAsync($"/api/v1/clients/{id}", "*")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.That((await self.GetAsync("/api/v1/clients")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
