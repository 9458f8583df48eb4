using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// Without Webhooks:AllowPrivateTargets, a webhook may not point into the service's own networks. Only addresses are
/// named here; nothing is ever sent to them (a subscription to a public address is created switched off).
/// </summary>
public sealed class PrivateTargetTests : WebhookTest
{
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "false" };

    [TestCase("http://10.0.0.5/hook")]
    [TestCase("http://127.0.0.1/hook")]
    [TestCase("http://127.8.9.10:8080/hook")]
    [TestCase("http://localhost/hook")]
    [TestCase("http://172.16.3.4/hook")]
    [TestCase("http://172.31.255.1/hook")]
    [TestCase("https://192.168.1.20/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data")]
    [TestCase("http://100.64.0.1/hook")]
    [TestCase("http://0.0.0.0/hook")]
    [TestCase("http://[::1]/hook")]
    [TestCase("http://[fd12:3456::1]/hook")]
    [TestCase("http://[fe80::1]/hook")]
    [TestCase("http://[::ffff:10.0.0.1]/hook")]
    public async Task CreateWebhook_WhenTheHostIsPrivate_Returns400NamingUrl(string url)
    {
        using var response = await Admin.PostAsJsonAsync(WebhooksPath, new { url, events = new[] { "item.created" }, active = false });

        var problem = await response.ValidationProblemAsync("url");
        Assert.That(problem["errors"]!["url"]![0].Text(), Does.Contain("private"));
    }

    [Test]
    public async Task CreateWebhook_WhenTheHostIsPublic_Returns201()
    {
        // 203.0.113.0/24 is reserved for documentation; the subscription is off, so nothing is sent there.
        using var response = await Admin.PostAsJsonAsync(WebhooksPath,
            new { url = "http://203.0.113.10/hook", events = new[] { "item.created" }, active = false });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var delete = await Admin.DeleteAsync($"{WebhooksPath}/{(await response.BodyAsync()).Id()}", "*");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task UpdateWebhook_ToAPrivateHost_Returns400NamingUrl()
    {
        using var created = await Admin.PostAsJsonAsync(WebhooksPath,
            new { url = "http://203.0.113.11/hook", events = new[] { "item.created" }, active = false });
        var id = (await created.BodyAsync()).Id();

        using var response = await Admin.PatchJsonAsync($"{WebhooksPath}/{id}", new { url = "http://192.168.0.1/hook" }, "*");

        await response.ValidationProblemAsync("url");
    }

    [Test]
    public async Task Dispatch_WhenTheTargetTurnsOutPrivateAtSendTime_FailsTheAttemptWithTheReasonAndSendsNothing()
    {
        // A service allowed to target the receiver subscribes it, switched off; this one, which is not, then sends.
        // That is what a DNS answer changing after the subscription was saved looks like to the dispatcher.
        var path = NewPath("rebound");
        var shared = Path.Combine(Path.GetTempPath(), $"rectify-private-{Guid.NewGuid():N}.db");
        Guid id;
        using (var allowing = new RectifyApp(new Dictionary<string, string>(QuickDispatch) { ["Database:SqlitePath"] = shared }))
        {
            using var admin = allowing.Admin();
            id = (await admin.SubscribeAsync(Receiver.Url(path), ["item.created"], active: false)).Id();
        }
        using var refusing = new RectifyApp(new Dictionary<string, string>(QuickDispatch)
        {
            ["Database:SqlitePath"] = shared, ["Webhooks:AllowPrivateTargets"] = "false",
        });
        await using var live = refusing.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(TimeProvider.System)));
        using var client = live.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", RectifyApp.AdminKey);
        using (var on = await client.PatchJsonAsync($"{WebhooksPath}/{id}", new { active = true }, "*"))
            Assert.That(on.StatusCode, Is.EqualTo(HttpStatusCode.OK), await on.Content.ReadAsStringAsync());

        await client.PingAsync(id);

        await EventuallyAsync(async () => (await client.DeliveriesAsync(id)).Single()["attempts"]!.AsArray().Count >= 1, "an attempt");
        var attempt = (await client.DeliveriesAsync(id)).Single()["attempts"]![0]!;
        Assert.That(attempt["statusCode"], Is.Null);
        Assert.That(attempt["error"].Text(), Does.Contain("127.0.0.1").And.Contain("private"));
        Assert.That(Receiver.ReceivedAt(path), Is.Empty);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(shared + suffix);
        File.Delete(Path.ChangeExtension(shared, ".audit-key"));
    }
}
