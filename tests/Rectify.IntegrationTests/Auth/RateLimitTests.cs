using System.Net;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Auth;

/// <summary>
/// The token bucket per API key and the block on addresses that fail authentication, each on its own service with
/// limits small enough to reach and windows short enough to wait out.
/// </summary>
public sealed class RateLimitTests
{
    private const string RetryAfterProblemType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";
    private const string UnknownKey = "rk_this_key_was_never_issued_0000000000";

    [Test]
    public async Task PerClient_WhenTheBurstIsSpent_Returns429WithRetryAfterAndRecovers()
    {
        using var app = new RectifyApp(new Dictionary<string, string>
        {
            ["RateLimits:PerClient:PermitsPerSecond"] = "2",
            ["RateLimits:PerClient:Burst"] = "4",
        });
        using var admin = app.Admin();
        using var reader = await app.WithScopesAsync(["read"]);

        // The burst of 4, less the request that issued the reader's key.
        using var refused = await RefusedAfterAsync(3, () => admin.GetAsync(UnitsPath));

        await AssertTooManyRequestsAsync(refused, TimeSpan.FromSeconds(1));
        using (var otherKey = await reader.GetAsync(UnitsPath))
            Assert.That(otherKey.StatusCode, Is.EqualTo(HttpStatusCode.OK), "each key has its own bucket");
        using (var health = await admin.GetAsync("/health/ready"))
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health is never limited");
        using var recovered = await AfterRetryAfterAsync(refused, () => admin.GetAsync(UnitsPath));
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PerClient_WithPermitsPerSecondZero_IsOff()
    {
        using var app = new RectifyApp(new Dictionary<string, string>
        {
            ["RateLimits:PerClient:PermitsPerSecond"] = "0",
            ["RateLimits:PerClient:Burst"] = "1",
        });
        using var admin = app.Admin();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await admin.GetAsync(UnitsPath);
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(UnknownKey)]
    [TestCase(null)]
    public async Task FailedAuth_WhenAnAddressReachesTheLimit_RefusesEvenAValidKeyFromItUntilTheWindowEnds(string? badKey)
    {
        using var app = new RectifyApp(new Dictionary<string, string>
        {
            ["RateLimits:FailedAuth:PerMinute"] = "3",
            ["RateLimits:FailedAuth:Window"] = "00:00:01",
        });
        // The first 401 is slow (JIT); taking it from another address keeps the measured window short.
        using (var warmUp = await From(app, "198.51.100.1", UnknownKey).GetAsync(UnitsPath))
            Assert.That(warmUp.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var guesser = From(app, "203.0.113.7", badKey);
        using var keyHolder = From(app, "203.0.113.7", RectifyApp.AdminKey);
        using var elsewhere = From(app, "203.0.113.8", RectifyApp.AdminKey);

        for (var i = 0; i < 3; i++)
        {
            using var failed = await guesser.GetAsync(UnitsPath);
            await failed.ProblemAsync(HttpStatusCode.Unauthorized);
        }
        using var refused = await keyHolder.GetAsync(UnitsPath);

        var problem = await AssertTooManyRequestsAsync(refused, TimeSpan.FromSeconds(1));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("failed authentications"));
        using (var otherAddress = await elsewhere.GetAsync(UnitsPath))
            Assert.That(otherAddress.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the block is per address");
        using (var health = await keyHolder.GetAsync("/health/live"))
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health is never limited");
        using var recovered = await AfterRetryAfterAsync(refused, () => keyHolder.GetAsync(UnitsPath));
        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApiDocument_ProtectedOperation_Lists429()
    {
        using var app = new RectifyApp();

        var document = await (await app.Anonymous().GetAsync("/swagger/v1/swagger.json")).BodyAsync();

        Assert.That(document["paths"]![UnitsPath]!["get"]!["responses"]!.AsObject().ContainsKey("429"), Is.True);
    }

    /// <summary>A client whose requests come from the given address, as the server sees them.</summary>
    private static HttpClient From(RectifyApp app, string address, string? key)
    {
        var client = new HttpClient(app.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = app.Server.BaseAddress,
        };
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Sends until refused; the refusal must come after at least <paramref name="served"/> answers, and soon.</summary>
    private static async Task<HttpResponseMessage> RefusedAfterAsync(int served, Func<Task<HttpResponseMessage>> send)
    {
        for (var count = 0; count < 50; count++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(count, Is.GreaterThanOrEqualTo(served), "refused before the burst was spent");
                return response;
            }
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            response.Dispose();
        }
        throw new AssertionException("50 requests in a row were served.");
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> AssertTooManyRequestsAsync(HttpResponseMessage response, TimeSpan retryAfter)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo(RetryAfterProblemType));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(retryAfter), response.Headers.ToString());
        return problem;
    }

    /// <summary>
    /// Waits as long as the refusal's Retry-After says, then sends again; the limiters refill on a 100 ms timer, so a
    /// request right at the deadline may still be early by that much.
    /// </summary>
    private static async Task<HttpResponseMessage> AfterRetryAfterAsync(HttpResponseMessage refused, Func<Task<HttpResponseMessage>> send)
    {
        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value);
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 5)
                return response;
            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
