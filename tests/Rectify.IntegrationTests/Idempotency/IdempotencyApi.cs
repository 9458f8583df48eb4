using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Idempotency;

/// <summary>Keyed POSTs, as an integrating system that retries sends them.</summary>
internal static class IdempotencyApi
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static string NewKey() => Guid.NewGuid().ToString();

    public static async Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string uri, JsonNode body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(Header, key);
        return await client.SendAsync(request);
    }

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReplayedHeader, out var values) && values.SingleOrDefault() == "true";

    /// <summary>Asserts the problem a key reused for another request answers.</summary>
    public static async Task AssertKeyReusedAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem["title"]?.GetValue<string>(), Is.EqualTo("Idempotency-Key reused for a different request"));
        Assert.That(problem["type"]?.GetValue<string>(), Does.Contain("idempotency-key"));
    }

    /// <summary>Asserts the problem a duplicate of a request still running answers.</summary>
    public static async Task AssertKeyInUseAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["title"]?.GetValue<string>(), Is.EqualTo("A request with this Idempotency-Key is still in progress"));
        Assert.That(problem["type"]?.GetValue<string>(), Does.Contain("idempotency-key"));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }
}
