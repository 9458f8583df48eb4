using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Units;

namespace Rectify.IntegrationTests.Statistics;

/// <summary>Arranges a ledger through the public API (units, an inspection, items, measures, progress, sign-off).</summary>
internal static class StatisticsLedger
{
    public const string StatisticsPath = "/api/v1/statistics";

    public static async Task<Guid> CreateUnitIdAsync(this HttpClient client, string name, Guid? parentId = null,
        string kind = "township") =>
        UnitApi.IdOf(await client.CreateUnitAsync(NewCode("U"), name, kind, parentId));

    public static async Task<Guid> CreateInspectionAsync(this HttpClient client, string title, string kind = "party_inspection")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/inspections",
            new { kind, level = "county", title, year = 2026 });
        return await CreatedIdAsync(response);
    }

    public static async Task<Guid> CreateItemAsync(this HttpClient client, Guid inspectionId, Guid leadUnitId,
        string? aspect = null, DateOnly? dueDate = null, object[]? units = null, string category = "other")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/items", new
        {
            inspectionId,
            code = NewCode("Q"),
            title = "反馈问题 " + NewCode(""),
            category,
            aspect,
            leadUnitId,
            units = units ?? [],
            deadlineKinds = dueDate is null ? new[] { "ongoing" } : ["by_date"],
            dueDate = dueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return await CreatedIdAsync(response);
    }

    /// <summary>Adds <paramref name="count"/> measures, the first <paramref name="implemented"/> of them implemented.</summary>
    public static async Task AddMeasuresAsync(this HttpClient client, Guid itemId, int count, int implemented)
    {
        for (var n = 0; n < count; n++)
        {
            using var added = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/measures",
                new { description = $"整改措施 {n + 1}" });
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
            var measureId = (await added.BodyAsync())["measure"]!["id"]!.GetValue<Guid>();
            if (n >= implemented)
                continue;
            using var patched = await client.PatchJsonAsync($"/api/v1/items/{itemId}/measures/{measureId}",
                new { implemented = true }, "*");
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        }
    }

    public static async Task ReportProgressAsync(this HttpClient client, Guid itemId, string progressStatus)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/progress",
            new { reportedOn = "2026-03-15", summary = "整改进展", progressStatus });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    public static async Task RequestSignOffAsync(this HttpClient client, Guid itemId)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/sign-off",
            new { summary = "整改措施均已落实，申请销号" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Requests an extension to <paramref name="newDueDate"/>, and the reviewer approves it.</summary>
    public static async Task ExtendAsync(this HttpClient client, HttpClient reviewer, Guid itemId, DateOnly newDueDate)
    {
        using var requested = await client.PostAsJsonAsync($"/api/v1/items/{itemId}/extensions",
            new { requestedDueDate = newDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = "用地审批未完成" });
        Assert.That(requested.StatusCode, Is.EqualTo(HttpStatusCode.Created), await requested.Content.ReadAsStringAsync());
        var extensionId = (await requested.BodyAsync())["extension"]!["id"]!.GetValue<Guid>();
        using var approved = await reviewer.PostAsJsonAsync($"/api/v1/items/{itemId}/extensions/{extensionId}/approve",
            new { reviewerName = "县整改办" });
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
    }

    /// <summary>GET /api/v1/statistics?{query}; fails the test unless the answer is 200.</summary>
    public static async Task<JsonObject> GetStatisticsAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{StatisticsPath}?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static IReadOnlyList<JsonObject> Groups(JsonObject statistics) =>
        statistics["groups"]!.AsArray().Select(g => g!.AsObject()).ToList();

    public static JsonObject Group(JsonObject statistics, object key) =>
        Groups(statistics).SingleOrDefault(g => g["key"]!.GetValue<string>() == key.ToString())
        ?? throw new AssertionException($"No group '{key}' in {statistics.ToJsonString()}");

    public static int Count(this JsonObject counts, string name) => counts[name]!.GetValue<int>();

    public static decimal Rate(this JsonObject counts, string name) => counts[name]!.GetValue<decimal>();

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync())["id"]!.GetValue<Guid>();
    }

    private static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];
}
