using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>/api/v1/webhooks: subscriptions are admin-only, validated, versioned and audited, and the secret is shown once.</summary>
public sealed class WebhookSubscriptionTests : WebhookTest
{
    [Test]
    public async Task CreateWebhook_WhenValid_Returns201WithLocationETagAndTheSecretOnce()
    {
        using var response = await Admin.PostAsJsonAsync(WebhooksPath, new
        {
            url = Receiver.Url("created"), events = new[] { "item.created", "item.signed_off" }, active = true, description = "省平台",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{WebhooksPath}/{body.Id()}"));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(body.Secret(), Does.StartWith("whsec_"));
        Assert.That(Convert.FromBase64String(body.Secret()[6..]), Has.Length.EqualTo(32));
        Assert.That(body["events"].Strings(), Is.EqualTo(new[] { "item.created", "item.signed_off" }));
        Assert.That(body["active"]!.GetValue<bool>(), Is.True);
        Assert.That(body["description"].Text(), Is.EqualTo("省平台"));

        var (read, etag) = await Admin.GetResourceAsync($"{WebhooksPath}/{body.Id()}");
        Assert.That(read.ContainsKey("secret"), Is.False);
        Assert.That(etag, Is.EqualTo("\"1\""));
        var list = await Admin.GetListAsync($"{WebhooksPath}?limit=200");
        Assert.That(list.ToJsonString(), Does.Not.Contain(body.Secret()));
    }

    [Test]
    public async Task CreateWebhook_WhenActiveIsLeftOut_IsActive()
    {
        using var response = await Admin.PostAsJsonAsync(WebhooksPath, new { url = Receiver.Url("default"), events = new[] { "item.created" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["active"]!.GetValue<bool>(), Is.True);
    }

    [TestCase("ftp://127.0.0.1/hook")]
    [TestCase("/relative/hook")]
    [TestCase("")]
    public async Task CreateWebhook_WhenUrlIsNotAbsoluteHttp_Returns400NamingUrl(string url)
    {
        using var response = await Admin.PostAsJsonAsync(WebhooksPath, new { url, events = new[] { "item.created" } });

        await response.ValidationProblemAsync("url");
    }

    [TestCase("")]
    [TestCase("ping")]
    [TestCase("item.created,item.deleted")]
    [TestCase("item.measure%added")]
    public async Task CreateWebhook_WhenEventsAreEmptyOrUnknown_Returns400NamingEvents(string list)
    {
        var events = list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        using var response = await Admin.PostAsJsonAsync(WebhooksPath, new { url = Receiver.Url("x"), events });

        await response.ValidationProblemAsync("events");
    }

    [Test]
    public async Task CreateWebhook_WhenUnitIsUnknown_Returns400NamingUnitId()
    {
        using var response = await Admin.PostAsJsonAsync(WebhooksPath,
            new { url = Receiver.Url("x"), events = new[] { "item.created" }, unitId = Guid.NewGuid() });

        await response.ValidationProblemAsync("unitId");
    }

    [Test]
    public async Task Webhooks_WhenTheKeyIsNotAdmin_Returns403()
    {
        using var writer = await WithScopesAsync(["read", "write", "report", "review"]);

        using var create = await writer.PostAsJsonAsync(WebhooksPath, new { url = Receiver.Url("x"), events = new[] { "item.created" } });
        using var list = await writer.GetAsync(WebhooksPath);

        await create.ProblemAsync(HttpStatusCode.Forbidden);
        await list.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task UpdateWebhook_WithoutIfMatch_Returns428_AndWithAStaleOne_Returns412()
    {
        var id = (await SubscribeAsync(NewPath())).Id();

        using var without = await Admin.PatchJsonAsync($"{WebhooksPath}/{id}", new { description = "x" }, null);
        using var stale = await Admin.PatchJsonAsync($"{WebhooksPath}/{id}", new { description = "x" }, "\"7\"");

        await without.ProblemAsync(HttpStatusCode.PreconditionRequired);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task UpdateWebhook_WithTheCurrentETag_ChangesOnlyTheFieldsSent()
    {
        var created = await SubscribeAsync(NewPath(), ["item.created"]);
        var uri = $"{WebhooksPath}/{created.Id()}";

        using var response = await Admin.PatchJsonAsync(uri, new { events = new[] { "item.completed", "item.recurred" }, active = false }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        var (read, _) = await Admin.GetResourceAsync(uri);
        Assert.That(read["events"].Strings(), Is.EqualTo(new[] { "item.completed", "item.recurred" }));
        Assert.That(read["active"]!.GetValue<bool>(), Is.False);
        Assert.That(read["url"].Text(), Is.EqualTo(created["url"].Text()));
        Assert.That(read["description"].Text(), Is.EqualTo(created["description"].Text()));
    }

    [Test]
    public async Task UpdateWebhook_WithAnUnknownEvent_Returns400NamingEvents()
    {
        var id = (await SubscribeAsync(NewPath())).Id();

        using var response = await Admin.PatchJsonAsync($"{WebhooksPath}/{id}", new { events = new[] { "ping" } }, "*");

        await response.ValidationProblemAsync("events");
    }

    [Test]
    public async Task DeleteWebhook_WithIfMatch_Returns204AndTheSubscriptionIsGone()
    {
        var id = (await SubscribeAsync(NewPath())).Id();
        using var without = await Admin.DeleteAsync($"{WebhooksPath}/{id}", null);
        await without.ProblemAsync(HttpStatusCode.PreconditionRequired);

        using var response = await Admin.DeleteAsync($"{WebhooksPath}/{id}", "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        using var read = await Admin.GetAsync($"{WebhooksPath}/{id}");
        await read.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ListWebhooks_PagesInCreationOrder()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await SubscribeAsync(NewPath("page"))).Id());

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Admin.GetListAsync($"{WebhooksPath}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(InspectionApi.IdsIn(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.That(seen.Where(ids.Contains), Is.EqualTo(ids));
    }

    [Test]
    public async Task WebhookChanges_AreAudited_AndTheSecretIsNeverInTheAuditTrail()
    {
        var created = await SubscribeAsync(NewPath("audit"));
        var id = created.Id();
        using (var patch = await Admin.PatchJsonAsync($"{WebhooksPath}/{id}", new { description = "改名" }, "*"))
            Assert.That(patch.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var delete = await Admin.DeleteAsync($"{WebhooksPath}/{id}", "*"))
            Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Action, Changes FROM AuditEvents WHERE EntityType = 'webhook' AND EntityId = $id ORDER BY ChainIndex";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        var events = new List<(string Action, string Changes)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                events.Add((reader.GetString(0), reader.GetString(1)));

        Assert.That(events.Select(e => e.Action), Is.EqualTo(new[] { "created", "updated", "deleted" }));
        Assert.That(events[0].Changes, Does.Contain(Receiver.Url("audit")[..20]));
        Assert.That(string.Concat(events.Select(e => e.Changes)), Does.Not.Contain(created.Secret()[6..]).And.Not.Contain("whsec_"));
    }

    [Test]
    public async Task TestWebhook_WhenTheSubscriptionIsUnknown_Returns404()
    {
        using var response = await Admin.PostAsync($"{WebhooksPath}/{Guid.NewGuid()}/test", null);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task CreateWebhook_ForAUnit_KeepsTheUnit()
    {
        var unitId = await Admin.CreateUnitAsync("区水利局");

        var created = await SubscribeAsync(NewPath(), unitId: unitId);

        Assert.That(created["unitId"]!.GetValue<Guid>(), Is.EqualTo(unitId));
    }

    [Test]
    public async Task CreateWebhook_WhenEventsIsNull_Returns400NamingEvents()
    {
        using var response = await Admin.PostAsync(WebhooksPath,
            new StringContent($$"""{"url": "{{Receiver.Url("x")}}", "events": null}""", System.Text.Encoding.UTF8, "application/json"));

        await response.ValidationProblemAsync("events");
    }
}
