using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Units;

/// <summary>Arranges units through the public API, as an integrating system would.</summary>
internal static class UnitApi
{
    public const string UnitsPath = "/api/v1/units";

    public static string UriOf(JsonObject unit) => $"{UnitsPath}/{unit["id"]}";

    public static Guid IdOf(JsonObject unit) => unit["id"]!.GetValue<Guid>();

    /// <summary>Creates a unit and returns its body; fails the test unless the answer is 201.</summary>
    public static async Task<JsonObject> CreateUnitAsync(this HttpClient client, string code, string name = "区生态环境局",
        string kind = "department", Guid? parentId = null, string? contactName = null, string? contactPhone = null)
    {
        using var response = await client.PostAsJsonAsync(UnitsPath,
            new { code, name, kind, parentId, contactName, contactPhone });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    /// <summary>Reads a unit; fails the test unless the answer is 200.</summary>
    public static async Task<(JsonObject Unit, string ETag)> GetUnitAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync(), response.ETag());
    }

    /// <summary>Reads one page of a list; fails the test unless the answer is 200.</summary>
    public static async Task<JsonObject> GetPageAsync(this HttpClient client, string uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    public static IReadOnlyList<JsonObject> ItemsOf(JsonObject page) =>
        page["items"]!.AsArray().Select(item => item!.AsObject()).ToList();

    public static IReadOnlyList<Guid> IdsOf(JsonObject page) => ItemsOf(page).Select(IdOf).ToList();

    /// <summary>Follows nextCursor from the first page to the last and returns every id served, in order.</summary>
    public static async Task<List<Guid>> WalkAsync(this HttpClient client, string query, Func<Task>? betweenPages = null)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var uri = cursor is null ? $"{UnitsPath}?{query}" : $"{UnitsPath}?{query}&cursor={Uri.EscapeDataString(cursor)}";
            var body = await client.GetPageAsync(uri);
            ids.AddRange(IdsOf(body));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return ids;
            if (betweenPages is not null)
                await betweenPages();
        }
        throw new AssertionException("The list never reached a last page.");
    }
}
