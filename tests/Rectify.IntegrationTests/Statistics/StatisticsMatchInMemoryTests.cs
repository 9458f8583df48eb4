using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Infrastructure.Demo;

namespace Rectify.IntegrationTests.Statistics;

/// <summary>
/// The statistics counted by SQL GROUP BY equal the old in-memory counts (<see cref="InMemoryStatistics"/>) on the
/// demo ledger: every groupBy, rolled up or not, filtered or not, for an office key and a unit key, on two days.
/// </summary>
public sealed class StatisticsMatchInMemoryTests : ApiTest
{
    private static readonly string[] AsOfDates = ["2026-03-15", "2026-11-20"];

    private Dictionary<string, Guid> _units = null!;
    private Guid _inspection;
    private HttpClient _unitKey = null!;

    [OneTimeSetUp]
    public async Task SeedDemo()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await DemoLedger.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        _units = (await ListAsync("/api/v1/units?q=DEMO-&limit=200"))
            .ToDictionary(u => u!["code"]!.GetValue<string>(), u => u!["id"]!.GetValue<Guid>());
        _inspection = (await ListAsync("/api/v1/inspections?limit=200"))
            .Select(i => i!["id"]!.GetValue<Guid>()).First();
        _unitKey = await App.WithScopesAsync(["read"], _units["DEMO-HBJ"]);
    }

    [OneTimeTearDown]
    public void DisposeUnitKey() => _unitKey.Dispose();

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var groupBy in new[] { "inspection", "unit", "category", "status" })
        foreach (var filter in new[] { "", "inspection", "unit", "unitTree" })
        foreach (var key in new[] { "office", "unit" })
        {
            yield return new TestCaseData(groupBy, false, filter, key).SetArgDisplayNames(groupBy, filter, key);
            if (groupBy == "unit")
                yield return new TestCaseData(groupBy, true, filter, key).SetArgDisplayNames(groupBy + "+rollUp", filter, key);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task GetStatistics_OnTheDemoLedger_EqualsTheInMemoryCounts(string groupBy, bool rollUp, string filter, string key)
    {
        Guid? inspectionId = filter == "inspection" ? _inspection : null;
        // 李庄乡 has a village below it; the unit key's 生态环境分局 has two departments below it.
        Guid? unitId = filter switch { "unit" => _units["DEMO-HBJ"], "unitTree" => _units["DEMO-LZX"], _ => null };
        var includeSubUnits = filter == "unitTree";
        Guid? scopeUnitId = key == "unit" ? _units["DEMO-HBJ"] : null;
        var client = key == "unit" ? _unitKey : Admin;
        var reference = new InMemoryStatistics(App.DatabasePath);

        foreach (var asOf in AsOfDates)
        {
            var query = $"groupBy={groupBy}&asOf={asOf}" + (rollUp ? "&rollUp=true" : "") +
                        (inspectionId is { } i ? $"&inspectionId={i}" : "") +
                        (unitId is { } u ? $"&unitId={u}" : "") + (includeSubUnits ? "&includeSubUnits=true" : "");
            var expected = await reference.ComputeAsync(groupBy, inspectionId, unitId, includeSubUnits, rollUp,
                DateOnly.Parse(asOf, CultureInfo.InvariantCulture), scopeUnitId);

            Assert.That(await FiguresAsync(client, query), Is.EqualTo(expected), query);
        }
    }

    [Test]
    public async Task DemoLedger_HoldsAnItemTwiceWithinOneSubtree_SoRollUpMustCountItOnce()
    {
        var rolledUp = await FiguresAsync(Admin, "groupBy=unit&rollUp=true");
        var byHolder = await FiguresAsync(Admin, "groupBy=unit");
        var root = _units["DEMO-QZF"].ToString();
        var rootItems = Items(rolledUp.Single(g => g.StartsWith(root, StringComparison.Ordinal)));
        var holderItems = byHolder.Where(g => !g.StartsWith("total", StringComparison.Ordinal)).Sum(Items);

        Assert.That(rootItems, Is.LessThan(holderItems), "items held by two units below the root count once at the root");
        Assert.That(rootItems, Is.EqualTo(Items(rolledUp.Last())), "every item has a holder below the demo root");
    }

    private static int Items(string figures) => int.Parse(figures.Split('|')[2]["items=".Length..], CultureInfo.InvariantCulture);

    /// <summary>The response in the reference's form: each group, then the total, as "key|label|field=value…".</summary>
    private static async Task<List<string>> FiguresAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/statistics?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.BodyAsync();
        var total = body["total"]!.AsObject().DeepClone().AsObject();
        total.Insert(0, "key", "total");
        total.Insert(1, "label", "total");
        return body["groups"]!.AsArray().Select(g => g!.AsObject()).Append(total).Select(Line).ToList();
    }

    private static string Line(JsonObject group) =>
        $"{group["key"]!.GetValue<string>()}|{group["label"]!.GetValue<string>()}|" + string.Join('|', group
            .Where(p => p.Key is not ("key" or "label"))
            .Select(p => $"{p.Key}={p.Value!.GetValue<decimal>().ToString("0.####", CultureInfo.InvariantCulture)}"));

    private async Task<JsonArray> ListAsync(string uri)
    {
        using var response = await Admin.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync())["items"]!.AsArray();
    }
}
