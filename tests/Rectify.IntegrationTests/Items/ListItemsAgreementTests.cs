using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// The composed list SQL against a brute-force filter and sort in C#: a varied ledger (three inspections of two
/// kinds, a unit tree, many shared and missing due dates, codes repeated across inspections, progress, completion,
/// sign-off, measures, several update instants), then for many filter combinations and every sort the pages walked
/// with the cursor must give exactly the items, in exactly the order, that filtering and sorting the whole ledger
/// gives. The ledger is read once through the API with an office key; isOverdue and warningLevel come from
/// the one place that judges deadlines, so the SQL translation of overdue and warning levels is checked too.
/// </summary>
public sealed class ListItemsAgreementTests : ItemTest
{
    private const int LedgerSize = 240;
    private const int PageSize = 7;
    private static readonly string[] Sorts = ["created", "due_date", "updated_at", "code"];

    private Guid[] _inspections = null!;
    private Guid _parent, _child1, _child2, _elsewhere;
    private HashSet<Guid> _belowParent = null!;
    private DateTimeOffset _midway;
    private List<JsonObject> _ledger = null!;
    private HttpClient _parentKey = null!, _childKey = null!;

    [OneTimeSetUp]
    public async Task BuildLedger()
    {
        _inspections =
        [
            InspectionApi.InspectionId(await Admin.CreateInspectionAsync("中央第一轮督察反馈", "central_inspection")),
            InspectionApi.InspectionId(await Admin.CreateInspectionAsync("中央回头看反馈", "central_lookback")),
            InspectionApi.InspectionId(await Admin.CreateInspectionAsync("中央第二轮督察反馈", "central_inspection")),
        ];
        _parent = await Admin.CreateUnitAsync("区住房和城乡建设局");
        _child1 = await Admin.CreateUnitAsync("城关镇人民政府", _parent, "township");
        _child2 = await Admin.CreateUnitAsync("城南街道办事处", _parent, "township");
        _elsewhere = await Admin.CreateUnitAsync("区交通运输局");
        _belowParent = [_parent, _child1, _child2];
        Guid[] units = [_parent, _child1, _child2, _elsewhere];

        for (var i = 0; i < LedgerSize; i++)
        {
            if (i % 10 == 0)
                App.Clock.Now = App.Clock.Now.AddMinutes(1);
            if (i == LedgerSize / 2)
                _midway = App.Clock.Now;
            var body = ItemBody(_inspections[i % 3], units[i % 4], $"R{i * 7 % 97:D3}",
                i % 6 == 0 ? "黑臭水体整治不到位" : "城区雨污混流管网改造不到位");
            body["category"] = new[] { "water", "air", "soil" }[i / 3 % 3];
            body["isKey"] = i / 2 % 2 == 0;
            if (i % 5 == 0)
                body["units"] = new JsonArray(new JsonObject { ["unitId"] = units[(i + 1) % 4], ["role"] = "cooperating" });
            if (i % 7 == 0)
            {
                body["deadlineKinds"] = new JsonArray("ongoing");
                body.Remove("dueDate");
            }
            else
            {
                body["dueDate"] = new DateOnly(2026, 3, 15).AddDays(i * 13 % 60 - 20).ToString("yyyy-MM-dd");
            }
            var id = IdOf(await Admin.CreateItemAsync(body));
            if (i % 8 == 0)
                await Admin.AddMeasureAsync(id);
            if (i % 11 == 4)
                await Admin.CompleteAsync(id);
            else if (i % 5 == 2)
                await Admin.ReportProgressAsync(id, "in_progress", scheduleStatus: "behind");
            else if (i % 5 == 3)
                await Admin.ReportProgressAsync(id, "in_progress");
            if (i % 22 == 4)
                await Admin.RequestSignOffAsync(id);
        }
        _ledger = await WalkAsync(Admin, "sort=created", 200);
        _parentKey = await App.WithScopesAsync(["read"], _parent);
        _childKey = await App.WithScopesAsync(["read"], _child1);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _parentKey.Dispose();
        _childKey.Dispose();
    }

    private static async Task<List<JsonObject>> WalkAsync(HttpClient client, string query, int limit)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var uri = $"{ItemsPath}?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var body = await client.GetListAsync(uri);
            items.AddRange(body["items"]!.AsArray().Select(item => item!.AsObject()));
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return items;
        }
        throw new AssertionException("The list never reached a last page.");
    }

    private static string Text(JsonObject item, string field) => item[field]?.GetValue<string>() ?? "";

    private static HashSet<Guid> Assigned(JsonObject item) =>
    [
        item["leadUnitId"]!.GetValue<Guid>(),
        .. item["units"]!.AsArray().Select(u => u!["unitId"]!.GetValue<Guid>()),
    ];

    private IEnumerable<(string Query, Func<JsonObject, bool> Matches)> Filters()
    {
        var from = new DateOnly(2026, 3, 10);
        var to = new DateOnly(2026, 3, 31);
        bool DueWithin(JsonObject x) => x["dueDate"] is { } due && DateOnly.Parse(due.GetValue<string>()) is var d && d >= from && d <= to;
        var since = _midway.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        yield return ("", _ => true);
        yield return ($"inspectionId={_inspections[1]}", x => x["inspectionId"]!.GetValue<Guid>() == _inspections[1]);
        yield return ("inspectionKind=central_inspection", x => x["inspectionId"]!.GetValue<Guid>() != _inspections[1]);
        yield return ($"unitId={_child1}", x => Assigned(x).Contains(_child1));
        yield return ($"unitId={_parent}", x => Assigned(x).Contains(_parent));
        yield return ($"unitId={_parent}&includeSubUnits=true", x => Assigned(x).Overlaps(_belowParent));
        yield return ("progressStatus=in_progress", x => Text(x, "progressStatus") == "in_progress");
        yield return ("progressStatus=completed", x => Text(x, "progressStatus") == "completed");
        yield return ("signOffStatus=requested", x => Text(x, "signOffStatus") == "requested");
        yield return ("category=air", x => Text(x, "category") == "air");
        yield return ("isKey=true", x => x["isKey"]!.GetValue<bool>());
        yield return ("isKey=false", x => !x["isKey"]!.GetValue<bool>());
        yield return ("overdue=true", x => x["isOverdue"]!.GetValue<bool>());
        yield return ("overdue=false", x => !x["isOverdue"]!.GetValue<bool>());
        foreach (var level in new[] { "red", "yellow", "blue", "none" })
            yield return ($"warningLevel={level}", x => Text(x, "warningLevel") == level);
        yield return ($"dueFrom={from:yyyy-MM-dd}&dueTo={to:yyyy-MM-dd}", DueWithin);
        yield return ($"updatedSince={since}", x => DateTimeOffset.Parse(Text(x, "updatedAt")) >= _midway);
        yield return ("q=黑臭", x => Text(x, "title").Contains("黑臭", StringComparison.Ordinal));
        yield return ("q=R05", x => Text(x, "code").Contains("R05", StringComparison.Ordinal));
        yield return ($"inspectionId={_inspections[2]}&overdue=true",
            x => x["inspectionId"]!.GetValue<Guid>() == _inspections[2] && x["isOverdue"]!.GetValue<bool>());
        yield return ($"unitId={_parent}&includeSubUnits=true&isKey=true&warningLevel=yellow",
            x => Assigned(x).Overlaps(_belowParent) && x["isKey"]!.GetValue<bool>() && Text(x, "warningLevel") == "yellow");
        yield return ($"category=water&dueFrom={from:yyyy-MM-dd}&progressStatus=in_progress",
            x => Text(x, "category") == "water" && x["dueDate"] is { } due && DateOnly.Parse(due.GetValue<string>()) >= from
                 && Text(x, "progressStatus") == "in_progress");
        yield return ("q=黑臭&overdue=false",
            x => Text(x, "title").Contains("黑臭", StringComparison.Ordinal) && !x["isOverdue"]!.GetValue<bool>());
    }

    /// <summary>The ledger filtered and sorted as the list promises: the sort key, then creation order.</summary>
    private List<Guid> Expected(Func<JsonObject, bool> matches, string sort, Func<JsonObject, bool>? visible = null)
    {
        var rank = _ledger.Select((item, index) => (IdOf(item), index)).ToDictionary(p => p.Item1, p => p.index);
        var chosen = _ledger.Where(x => matches(x) && (visible?.Invoke(x) ?? true));
        var ordered = sort switch
        {
            "due_date" => chosen.OrderBy(x => x["dueDate"]?.GetValue<string>() ?? "9999-12-31", StringComparer.Ordinal),
            "updated_at" => chosen.OrderBy(x => DateTimeOffset.Parse(Text(x, "updatedAt"))),
            "code" => chosen.OrderBy(x => Text(x, "code"), StringComparer.Ordinal),
            _ => chosen.OrderBy(_ => 0),
        };
        return ordered.ThenBy(x => rank[IdOf(x)]).Select(x => IdOf(x)).ToList();
    }

    [Test]
    public void Ledger_IsAsVariedAsTheComparisonNeeds()
    {
        Assert.That(_ledger, Has.Count.EqualTo(LedgerSize));
        Assert.That(_ledger.Select(x => Text(x, "warningLevel")).Distinct(), Is.EquivalentTo(new[] { "red", "yellow", "blue", "none" }));
        Assert.That(_ledger.Count(x => x["dueDate"] is null), Is.GreaterThan(10));
        Assert.That(_ledger.Select(x => Text(x, "progressStatus")).Distinct().Count(), Is.GreaterThanOrEqualTo(3));
        Assert.That(_ledger.Count(x => Text(x, "signOffStatus") == "requested"), Is.GreaterThan(0));
        Assert.That(_ledger.Select(x => Text(x, "updatedAt")).Distinct().Count(), Is.GreaterThan(10));
    }

    [Test]
    public async Task ListItems_EveryFilterAndSort_AgreesWithBruteForce()
    {
        foreach (var (query, matches) in Filters())
        foreach (var sort in Sorts)
        {
            var served = (await WalkAsync(Admin, $"{query}&sort={sort}", PageSize)).Select(x => IdOf(x)).ToList();
            Assert.That(served, Is.EqualTo(Expected(matches, sort)), $"?{query}&sort={sort}");
        }
    }

    [Test]
    public async Task ListItems_ForUnitKeys_AgreesWithBruteForceOverTheirSubtree()
    {
        (HttpClient Key, HashSet<Guid> Sees)[] keys = [(_parentKey, _belowParent), (_childKey, [_child1])];
        foreach (var (key, sees) in keys)
        foreach (var (query, matches) in Filters().Where(f => f.Query is "" or "overdue=true" || f.Query.StartsWith("unitId", StringComparison.Ordinal)))
        foreach (var sort in Sorts)
        {
            var served = (await WalkAsync(key, $"{query}&sort={sort}", PageSize)).Select(x => IdOf(x)).ToList();
            Assert.That(served, Is.EqualTo(Expected(matches, sort, x => Assigned(x).Overlaps(sees))), $"?{query}&sort={sort}");
        }
    }

    [Test]
    public async Task ListItems_EachRow_IsTheItemAsGetShowsIt()
    {
        foreach (var item in _ledger.Where((_, index) => index % 9 == 0))
        {
            var (got, _) = await Admin.GetItemAsync(IdOf(item));
            Assert.That(got.ToJsonString(), Is.EqualTo(item.ToJsonString()));
        }
    }
}
