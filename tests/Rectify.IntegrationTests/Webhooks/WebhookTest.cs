using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// Base of webhook fixtures: the service on a real clock (the dispatcher's retries and leases are real time), quick
/// polls and retries, private targets allowed so the receiver on 127.0.0.1 can be subscribed, and one receiver.
/// </summary>
public abstract class WebhookTest
{
    public const string WebhooksPath = "/api/v1/webhooks";

    /// <summary>Settings that make a dispatcher quick enough for tests on a two-core machine.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuickDispatch = new Dictionary<string, string>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:RetryBaseDelay"] = "00:00:00.200",
        ["Webhooks:RetryMaxDelay"] = "00:00:01",
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:LeaseDuration"] = "00:00:10",
    };

    protected RectifyApp App { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected WebhookReceiver Receiver { get; private set; } = null!;
    private WebApplicationFactory<Program> _live = null!;

    /// <summary>Settings on top of <see cref="QuickDispatch"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string>(QuickDispatch);
        foreach (var (key, value) in Settings)
            settings[key] = value;
        App = new RectifyApp(settings);
        // The test clock stands still, which suits deadlines, not a dispatcher waiting for retries to fall due.
        _live = App.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton(TimeProvider.System)));
        Admin = _live.CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", RectifyApp.AdminKey);
        Receiver = await WebhookReceiver.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Admin.Dispose();
        await _live.DisposeAsync();
        App.Dispose();
        await Receiver.DisposeAsync();
    }

    [TearDown]
    public void ResetReceiver()
    {
        Receiver.Status = 200;
        Receiver.Hold = TimeSpan.Zero;
        Receiver.Answer = null;
    }

    /// <summary>A client with a fresh key of these scopes. (Not App.WithScopesAsync: that would start a second host, on the test clock.)</summary>
    protected async Task<HttpClient> WithScopesAsync(string[] scopes)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/clients", new { name = $"webhook test {string.Join('+', scopes)}", scopes });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var client = _live.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await response.BodyAsync())["key"]!.GetValue<string>());
        return client;
    }

    protected static string NewPath(string prefix = "hook") => $"{prefix}/{Guid.NewGuid():N}";

    /// <summary>Subscribes a receiver path; returns the 201 body (with the secret).</summary>
    protected Task<JsonObject> SubscribeAsync(string path, string[]? events = null, Guid? unitId = null, bool active = true) =>
        Admin.SubscribeAsync(Receiver.Url(path), events ?? ["item.created"], unitId, active);

    protected Task<JsonObject> PingAsync(Guid webhookId) => Admin.PingAsync(webhookId);

    protected Task<List<JsonObject>> DeliveriesAsync(Guid webhookId) => Admin.DeliveriesAsync(webhookId);

    /// <summary>Waits until the condition holds, or fails the test after <paramref name="seconds"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"Within {seconds} s: {what}");
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, int seconds = 30) =>
        EventuallyAsync(() => Task.FromResult(condition()), what, seconds);
}

/// <summary>The webhook admin API, as an operator would drive it.</summary>
public static class WebhookApi
{
    public static async Task<JsonObject> SubscribeAsync(this HttpClient client, string url, string[] events, Guid? unitId = null,
        bool active = true)
    {
        using var response = await client.PostAsJsonAsync(WebhookTest.WebhooksPath,
            new { url, events, unitId, active, description = "整改台账推送（测试）" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static async Task<JsonObject> PingAsync(this HttpClient client, Guid webhookId)
    {
        using var response = await client.PostAsync($"{WebhookTest.WebhooksPath}/{webhookId}/test", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    /// <summary>Every delivery of the subscription, newest first, following nextCursor.</summary>
    public static async Task<List<JsonObject>> DeliveriesAsync(this HttpClient client, Guid webhookId)
    {
        var deliveries = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var uri = $"{WebhookTest.WebhooksPath}/{webhookId}/deliveries?limit=200" + (cursor is null ? "" : $"&cursor={cursor}");
            var body = await client.GetListAsync(uri);
            deliveries.AddRange(body["items"]!.AsArray().Select(d => d!.AsObject()));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return deliveries;
        }
        throw new AssertionException("The deliveries never reached a last page.");
    }

    public static Guid Id(this JsonObject resource) => resource["id"]!.GetValue<Guid>();

    public static string Secret(this JsonObject created) => created["secret"]!.GetValue<string>();
}
