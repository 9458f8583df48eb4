using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Support;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonObject> BodyAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)
        ?? throw new AssertionException("The body is not a JSON object.");

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its body.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.BodyAsync();
        Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo((int)status));
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name the field.</summary>
    public static async Task<JsonObject> ValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]?.AsObject().ContainsKey(field), Is.True, problem.ToJsonString());
        return problem;
    }

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string uri, object body,
        string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, uri) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string uri, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new AssertionException("The response has no ETag.");
}
