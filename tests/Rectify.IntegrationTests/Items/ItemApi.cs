using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Items;

/// <summary>Arranges units, items and their lifecycle through the public API, as an integrating system would.</summary>
internal static class ItemApi
{
    public const string ItemsPath = "/api/v1/items";
    public const string UnitsPath = "/api/v1/units";

    public static Guid IdOf(JsonNode? resource) =>
        resource?["id"]?.GetValue<Guid>() ?? throw new AssertionException("The resource has no id.");

    public static string ItemUri(Guid itemId) => $"{ItemsPath}/{itemId}";

    public static string ItemUri(JsonObject item) => ItemUri(IdOf(item));

    /// <summary>Creates an active unit and returns its id.</summary>
    public static async Task<Guid> CreateUnitAsync(this HttpClient client, string name = "区生态环境局", Guid? parentId = null,
        string kind = "department")
    {
        using var response = await client.PostAsJsonAsync(UnitsPath,
            new { code = "U" + Guid.NewGuid().ToString("N")[..10], name, kind, parentId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return IdOf(await response.BodyAsync());
    }

    /// <summary>DELETE deactivates a unit: it stays readable but cannot take new work.</summary>
    public static async Task DeactivateUnitAsync(this HttpClient client, Guid unitId)
    {
        using var response = await client.DeleteAsync($"{UnitsPath}/{unitId}", "*");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid item body: a by_date water item due at year end; tests change or remove what they are about.</summary>
    public static JsonObject ItemBody(Guid inspectionId, Guid leadUnitId, string code, string title = "城区雨污混流管网改造不到位")
    {
        return new JsonObject
        {
            ["inspectionId"] = inspectionId,
            ["code"] = code,
            ["title"] = title,
            ["description"] = "城区部分路段雨污混流，污水直排入河。",
            ["requirement"] = "全面排查雨污混流点位，限期完成改造。",
            ["target"] = "城区雨污分流率达到100%",
            ["category"] = "water",
            ["area"] = "城关镇",
            ["industry"] = "市政",
            ["isKey"] = false,
            ["leadUnitId"] = leadUnitId,
            ["units"] = new JsonArray(),
            ["responsiblePerson"] = "李四",
            ["responsiblePhone"] = "0571-88880000",
            ["deadlineKinds"] = new JsonArray("by_date"),
            ["dueDate"] = "2026-12-31",
        };
    }

    /// <summary>Creates an item and returns its body; fails the test unless the answer is 201.</summary>
    public static async Task<JsonObject> CreateItemAsync(this HttpClient client, JsonObject body)
    {
        using var response = await client.PostJsonAsync(ItemsPath, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    /// <summary>Reads an item; fails the test unless the answer is 200.</summary>
    public static Task<(JsonObject Body, string ETag)> GetItemAsync(this HttpClient client, Guid itemId) =>
        client.GetResourceAsync(ItemUri(itemId));

    /// <summary>Every event of the item's history, oldest first, following nextCursor.</summary>
    public static async Task<List<JsonObject>> HistoryAsync(this HttpClient client, Guid itemId)
    {
        var events = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < 100; page++)
        {
            var uri = $"{ItemUri(itemId)}/history?limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var body = await client.GetListAsync(uri);
            events.AddRange(body["items"]!.AsArray().Select(e => e!.AsObject()));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return events;
        }
        throw new AssertionException("The history never reached a last page.");
    }

    public static async Task<IReadOnlyList<string>> ActionsAsync(this HttpClient client, Guid itemId) =>
        (await client.HistoryAsync(itemId)).Select(e => e["action"].Text()).ToList();

    /// <summary>POSTs and returns the body; fails the test unless the answer has the status.</summary>
    public static async Task<JsonObject> PostExpectingAsync(this HttpClient client, string uri, object body,
        HttpStatusCode status = HttpStatusCode.Created)
    {
        using var response = await client.PostAsJsonAsync(uri, body);
        Assert.That(response.StatusCode, Is.EqualTo(status), $"POST {uri}: {await response.Content.ReadAsStringAsync()}");
        return await response.BodyAsync();
    }

    /// <summary>Adds a measure; returns the measure's id.</summary>
    public static async Task<Guid> AddMeasureAsync(this HttpClient client, Guid itemId, string description = "完成沿河截污管网建设")
    {
        var answer = await client.PostExpectingAsync($"{ItemUri(itemId)}/measures", new { description });
        return IdOf(answer["measure"]);
    }

    /// <summary>Marks a measure implemented with If-Match: * (tests of the ETag itself send it explicitly).</summary>
    public static async Task ImplementMeasureAsync(this HttpClient client, Guid itemId, Guid measureId)
    {
        using var response = await client.PatchJsonAsync($"{ItemUri(itemId)}/measures/{measureId}", new { implemented = true }, "*");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The item's measures; fails the test unless the answer is 200.</summary>
    public static async Task<JsonArray> MeasuresAsync(this HttpClient client, Guid itemId)
    {
        using var response = await client.GetAsync($"{ItemUri(itemId)}/measures");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <summary>Files a progress report; returns the answer ({item, report}).</summary>
    public static Task<JsonObject> ReportProgressAsync(this HttpClient client, Guid itemId, string progressStatus,
        string reportedOn = "2026-03-15", string? scheduleStatus = "on_schedule") =>
        client.PostExpectingAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn, summary = "已完成大部分管网改造", progressStatus, scheduleStatus });

    /// <summary>Implements every open measure and reports the item completed.</summary>
    public static async Task CompleteAsync(this HttpClient client, Guid itemId)
    {
        var list = await client.MeasuresAsync(itemId);
        foreach (var measure in list.Where(m => !m!["implemented"]!.GetValue<bool>()))
            await client.ImplementMeasureAsync(itemId, IdOf(measure));
        await client.ReportProgressAsync(itemId, "completed");
    }

    public static Task<JsonObject> RequestSignOffAsync(this HttpClient client, Guid itemId) =>
        client.PostExpectingAsync($"{ItemUri(itemId)}/sign-off",
            new { summary = "整改措施均已落实，申请销号", evidence = new[] { new { name = "验收报告.pdf", uri = "https://files.example.cn/ys.pdf", sha256 = (string?)null } } },
            HttpStatusCode.OK);

    /// <summary>Approves the step awaiting review, named as GET /sign-off shows it.</summary>
    public static async Task<JsonObject> ApproveSignOffAsync(this HttpClient client, Guid itemId, string reviewerName = "王五",
        string? comment = "同意", string? documentNumber = null) =>
        await client.PostExpectingAsync($"{ItemUri(itemId)}/sign-off/approve",
            new { step = await client.PendingStepAsync(itemId), reviewerName, comment, documentNumber }, HttpStatusCode.OK);

    public static async Task<string?> PendingStepAsync(this HttpClient client, Guid itemId)
    {
        using var response = await client.GetAsync($"{ItemUri(itemId)}/sign-off");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync())["pendingStep"]?.GetValue<string>();
    }

    /// <summary>Completes the item and requests sign-off; the reviewer (another key) walks every step of its chain.</summary>
    public static async Task SignOffAsync(this HttpClient client, HttpClient reviewer, Guid itemId)
    {
        await client.CompleteAsync(itemId);
        var state = await client.RequestSignOffAsync(itemId);
        for (var i = 0; i < state["steps"]!.AsArray().Count; i++)
            await reviewer.ApproveSignOffAsync(itemId);
    }
}
