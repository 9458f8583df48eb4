using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Inspections;

/// <summary>Arranges inspections through the public API, as an integrating system would.</summary>
internal static class InspectionApi
{
    public const string InspectionsPath = "/api/v1/inspections";

    /// <summary>The chain an inspection gets when it is registered without signOffSteps (the configured default).</summary>
    public static readonly string[] DefaultSignOffSteps = ["县整改办审核", "市整改办销号"];

    public static string InspectionUri(JsonObject inspection) => $"{InspectionsPath}/{inspection["id"]}";

    public static Guid InspectionId(JsonObject inspection) => inspection["id"]!.GetValue<Guid>();

    /// <summary>A body with every field set; tests change or remove what they are about.</summary>
    public static JsonObject InspectionBody(string title = "中央第三生态环境保护督察组反馈意见", string kind = "central_inspection",
        int year = 2026, string[]? signOffSteps = null)
    {
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["level"] = "central",
            ["title"] = title,
            ["round"] = 3,
            ["batch"] = 2,
            ["teamName"] = "中央第三生态环境保护督察组",
            ["year"] = year,
            ["feedbackDate"] = "2026-01-10",
            ["planDueDate"] = "2026-12-31",
            ["documentNumber"] = "环督察〔2026〕12号",
        };
        if (signOffSteps is not null)
            body["signOffSteps"] = new JsonArray(signOffSteps.Select(step => (JsonNode?)step).ToArray());
        return body;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string uri, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(uri, content);
    }

    /// <summary>Registers an inspection and returns its body; fails the test unless the answer is 201.</summary>
    public static async Task<JsonObject> CreateInspectionAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostJsonAsync(InspectionsPath, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static Task<JsonObject> CreateInspectionAsync(this HttpClient client, string title = "中央第三生态环境保护督察组反馈意见",
        string kind = "central_inspection", int year = 2026, string[]? signOffSteps = null) =>
        client.CreateInspectionAsync(InspectionBody(title, kind, year, signOffSteps));

    /// <summary>Reads a single resource; fails the test unless the answer is 200.</summary>
    public static async Task<(JsonObject Body, string ETag)> GetResourceAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync(), response.ETag());
    }

    /// <summary>Reads one page of a list; fails the test unless the answer is 200.</summary>
    public static async Task<JsonObject> GetListAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static IReadOnlyList<Guid> IdsIn(JsonObject page) =>
        page["items"]!.AsArray().Select(entry => entry!["id"]!.GetValue<Guid>()).ToList();

    public static string Text(this JsonNode? node) =>
        node?.GetValue<string>() ?? throw new AssertionException("Expected a string, found null or nothing.");

    public static IReadOnlyList<string> Strings(this JsonNode? node) =>
        node?.AsArray().Select(entry => entry!.GetValue<string>()).ToList()
        ?? throw new AssertionException("Expected an array, found null or nothing.");
}
