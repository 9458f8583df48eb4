using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Rectify.IntegrationTests.Statistics;

/// <summary>
/// GET /api/v1/statistics. Each test arranges its own inspection (or its own units) through the API and filters by
/// it, so the tests of the fixture share one database without seeing each other's items.
/// </summary>
public sealed class StatisticsTests : ApiTest
{
    [Test]
    public async Task GetStatistics_ForAPartyInspectionLedger_FillsTheYearEndReportSentence()
    {
        var unit = await Admin.CreateUnitIdAsync("区生态环境局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("县委第四巡察组巡察反馈");
        // 3 aspects, 5 problems, 12 measures; 3 problems completed, 2 in progress; 9 measures implemented.
        var ledger = new (string Aspect, int Measures, int Implemented, string Status)[]
        {
            ("政治建设方面", 2, 2, "completed"),
            ("政治建设方面", 3, 2, "in_progress"),
            ("作风建设方面", 2, 2, "completed"),
            ("作风建设方面", 3, 1, "in_progress"),
            ("纪律建设方面", 2, 2, "completed"),
        };
        foreach (var (aspect, measures, implemented, status) in ledger)
        {
            var item = await Admin.CreateItemAsync(inspection, unit, aspect, new DateOnly(2026, 12, 31));
            await Admin.AddMeasuresAsync(item, measures, implemented);
            await Admin.ReportProgressAsync(item, status);
        }

        var statistics = await Admin.GetStatisticsAsync($"groupBy=inspection&inspectionId={inspection}");

        var group = StatisticsLedger.Group(statistics, inspection);
        Assert.That(group["label"]!.GetValue<string>(), Is.EqualTo("县委第四巡察组巡察反馈"));
        var sentence = string.Create(CultureInfo.InvariantCulture,
            $"{group.Count("aspects")} 方面 {group.Count("items")} 个具体问题，{group.Count("measuresTotal")} 条整改措施；" +
            $"完成整改 {group.Count("completed")} 个，占 {group.Rate("completionRate"):0.#}%；" +
            $"{group.Count("measuresTotal")} 条整改措施已完成 {group.Count("measuresImplemented")} 条，占 {group.Rate("measureRate"):0.#}%");
        Assert.That(sentence, Is.EqualTo("3 方面 5 个具体问题，12 条整改措施；完成整改 3 个，占 60%；12 条整改措施已完成 9 条，占 75%"));
        Assert.That(group.Count("inProgress"), Is.EqualTo(2), "*个正在推进");
        Assert.That(JsonNode.DeepEquals(statistics["total"], CountsOf(group)), Is.True, "one inspection: its group is the total");
    }

    [Test]
    public async Task GetStatistics_GroupedByStatus_CountsSignOffApartFromProgress()
    {
        var unit = await Admin.CreateUnitIdAsync("城关镇");
        var inspection = await Admin.CreateInspectionAsync("中央第三生态环境保护督察组反馈", "central_inspection");
        var awaiting = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 6, 30));
        await Admin.AddMeasuresAsync(awaiting, 1, 1);
        await Admin.ReportProgressAsync(awaiting, "completed");
        await Admin.RequestSignOffAsync(awaiting);
        var completed = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 6, 30));
        await Admin.ReportProgressAsync(completed, "completed");
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 6, 30));

        var statistics = await Admin.GetStatisticsAsync($"groupBy=status&inspectionId={inspection}");

        Assert.That(statistics["groupBy"]!.GetValue<string>(), Is.EqualTo("status"));
        Assert.That(StatisticsLedger.Groups(statistics).Select(g => g["key"]!.GetValue<string>()),
            Is.EqualTo(new[] { "not_started", "completed" }));
        var done = StatisticsLedger.Group(statistics, "completed");
        Assert.That(done["label"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That((done.Count("items"), done.Count("completed"), done.Count("awaitingSignOff"), done.Count("signedOff")),
            Is.EqualTo((2, 2, 1, 0)));
        var total = statistics["total"]!.AsObject();
        Assert.That((total.Count("items"), total.Count("notStarted"), total.Rate("completionRate")), Is.EqualTo((3, 1, 66.7m)));
    }

    [Test]
    public async Task GetStatistics_ByUnitWithRollUp_CountsSubUnitItemsAtTheParentOnce()
    {
        var county = await Admin.CreateUnitIdAsync("某县人民政府", kind: "office");
        var town = await Admin.CreateUnitIdAsync("城南街道", county);
        var village = await Admin.CreateUnitIdAsync("城南社区", town, "other");
        var inspection = await Admin.CreateInspectionAsync("省生态环境保护督察反馈", "provincial_inspection");
        await Admin.CreateItemAsync(inspection, town, dueDate: new DateOnly(2026, 9, 30));
        await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 9, 30));
        await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 9, 30),
            units: [new { unitId = town, role = "responsible" }]);
        await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 9, 30),
            units: [new { unitId = town, role = "cooperating" }]);

        var flat = await Admin.GetStatisticsAsync($"groupBy=unit&inspectionId={inspection}");
        var rolled = await Admin.GetStatisticsAsync($"groupBy=unit&inspectionId={inspection}&rollUp=true");

        Assert.That(ItemsPerUnit(flat), Is.EqualTo(new Dictionary<string, int> { ["城南街道"] = 2, ["城南社区"] = 3 }),
            "lead or responsible only: the cooperating role does not count");
        Assert.That(ItemsPerUnit(rolled),
            Is.EqualTo(new Dictionary<string, int> { ["某县人民政府"] = 4, ["城南街道"] = 4, ["城南社区"] = 3 }),
            "each item once at every unit above its holders");
        Assert.That(StatisticsLedger.Group(rolled, county)["label"]!.GetValue<string>(), Is.EqualTo("某县人民政府"));
        Assert.That(rolled["total"]!.AsObject().Count("items"), Is.EqualTo(4));
    }

    [Test]
    public async Task GetStatistics_FilteredByUnit_CountsItemsOfThatUnitOrItsSubUnits()
    {
        var town = await Admin.CreateUnitIdAsync("城北街道");
        var village = await Admin.CreateUnitIdAsync("城北社区", town, "other");
        var inspection = await Admin.CreateInspectionAsync("信访件第一批", "petition");
        await Admin.CreateItemAsync(inspection, town);
        await Admin.CreateItemAsync(inspection, village);
        await Admin.CreateItemAsync(inspection, village, units: [new { unitId = town, role = "cooperating" }]);

        async Task<int> ItemsAsync(string query) =>
            (await Admin.GetStatisticsAsync($"groupBy=category&inspectionId={inspection}&{query}"))["total"]!.AsObject().Count("items");

        Assert.That(await ItemsAsync($"unitId={town}"), Is.EqualTo(2), "any role of the unit itself");
        Assert.That(await ItemsAsync($"unitId={town}&includeSubUnits=true"), Is.EqualTo(3));
        Assert.That(await ItemsAsync($"unitId={village}"), Is.EqualTo(2));
    }

    [Test]
    public async Task GetStatistics_WithAsOf_JudgesOverdueAndYearEndOnThatDay()
    {
        var unit = await Admin.CreateUnitIdAsync("区水务局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("长江经济带生态环境警示片披露问题", "warning_film");
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 10));
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 4, 30));
        var extended = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 20));
        await Admin.ExtendAsync(Reviewer, extended, new DateOnly(2026, 6, 30));
        var completed = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 1));
        await Admin.ReportProgressAsync(completed, "completed");
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2027, 1, 15));
        await Admin.CreateItemAsync(inspection, unit);

        async Task<(string AsOf, int Overdue, int AgainstOriginal, int DueByYearEnd)> FiguresAsync(string asOf)
        {
            var statistics = await Admin.GetStatisticsAsync($"groupBy=inspection&inspectionId={inspection}{asOf}");
            var total = statistics["total"]!.AsObject();
            return (statistics["asOf"]!.GetValue<string>(), total.Count("overdue"), total.Count("overdueAgainstOriginal"),
                total.Count("dueByYearEnd"));
        }

        Assert.That(await FiguresAsync(""), Is.EqualTo(("2026-03-15", 1, 1, 3)), "today in Shanghai by default");
        Assert.That(await FiguresAsync("&asOf=2026-04-01"), Is.EqualTo(("2026-04-01", 1, 2, 3)),
            "the extended item is overdue only against its original date");
        Assert.That(await FiguresAsync("&asOf=2026-07-01"), Is.EqualTo(("2026-07-01", 3, 3, 3)));
        Assert.That(await FiguresAsync("&asOf=2027-02-01"), Is.EqualTo(("2027-02-01", 4, 4, 4)),
            "the item without a due date is never overdue");
        Assert.That(await FiguresAsync("&asOf=2026-03-01"), Is.EqualTo(("2026-03-01", 0, 0, 3)));
    }

    [Test]
    public async Task GetStatistics_WithAKeyBoundToAUnit_CountsOnlyItsItems()
    {
        var own = await Admin.CreateUnitIdAsync("高新园区管委会", kind: "park");
        var below = await Admin.CreateUnitIdAsync("园区企业服务中心", own, "other");
        var other = await Admin.CreateUnitIdAsync("东城街道");
        var inspection = await Admin.CreateInspectionAsync("自查问题清单", "self_inspection");
        await Admin.CreateItemAsync(inspection, own, aspect: "园区");
        await Admin.CreateItemAsync(inspection, below, aspect: "园区");
        await Admin.CreateItemAsync(inspection, other, units: [new { unitId = below, role = "cooperating" }]);
        await Admin.CreateItemAsync(inspection, other);
        using var bound = await App.WithScopesAsync(["read"], own);

        var seen = await bound.GetStatisticsAsync("groupBy=unit");
        var all = await Admin.GetStatisticsAsync($"groupBy=unit&inspectionId={inspection}");

        Assert.That(seen["total"]!.AsObject().Count("items"), Is.EqualTo(3), "every item in the database the key may see");
        Assert.That(all["total"]!.AsObject().Count("items"), Is.EqualTo(4));
        Assert.That(ItemsPerUnit(seen), Is.EqualTo(new Dictionary<string, int>
        {
            ["高新园区管委会"] = 1, ["园区企业服务中心"] = 1,
        }), "东城街道 leads an item the key sees, but a group of it would show only part of its work");
    }

    [Test]
    public async Task GetStatistics_WithSort_RanksGroupsByThatFigureHighestFirstAndTiesKeepTheDefaultOrder()
    {
        var inspection = await Admin.CreateInspectionAsync("长江经济带警示片反馈", "warning_film");
        var (half, full, late, alsoHalf) = (await Admin.CreateUnitIdAsync("甲镇"), await Admin.CreateUnitIdAsync("乙镇"),
            await Admin.CreateUnitIdAsync("丙镇"), await Admin.CreateUnitIdAsync("丁镇"));
        var yearEnd = new DateOnly(2026, 12, 31);
        foreach (var unit in new[] { half, alsoHalf })
        {
            await Admin.ReportProgressAsync(await Admin.CreateItemAsync(inspection, unit, dueDate: yearEnd), "completed");
            await Admin.CreateItemAsync(inspection, unit, dueDate: yearEnd);
        }
        await Admin.ReportProgressAsync(await Admin.CreateItemAsync(inspection, full, dueDate: yearEnd), "completed");
        await Admin.CreateItemAsync(inspection, late, dueDate: new DateOnly(2026, 6, 30));
        await Admin.CreateItemAsync(inspection, late, dueDate: new DateOnly(2026, 6, 30));
        var query = $"groupBy=unit&inspectionId={inspection}&asOf=2026-07-15";

        var unsorted = Labels(await Admin.GetStatisticsAsync(query));
        var byCompletion = Labels(await Admin.GetStatisticsAsync(query + "&sort=completion_rate"));
        var byOverdue = Labels(await Admin.GetStatisticsAsync(query + "&sort=overdue"));

        var halves = unsorted.Where(label => label is "甲镇" or "丁镇").ToList();
        Assert.That(byCompletion, Is.EqualTo(new[] { "乙镇", halves[0], halves[1], "丙镇" }), "100 %, 50 % twice in the default order, 0 %");
        Assert.That(byOverdue, Is.EqualTo(new[] { "丙镇" }.Concat(unsorted.Where(label => label != "丙镇"))),
            "2 overdue, then the ties at 0 in the default order");
    }

    [Test]
    public async Task GetStatistics_WithAnUnknownSort_Returns400ListingTheFigures()
    {
        using var response = await Admin.GetAsync($"{StatisticsLedger.StatisticsPath}?groupBy=unit&sort=completionRate");

        var problem = await response.ValidationProblemAsync("sort");
        Assert.That(problem["errors"]!["sort"]![0]!.GetValue<string>(), Does.Contain("completion_rate").And.Contain("overdue"));
    }

    private static List<string> Labels(JsonObject statistics) =>
        statistics["groups"]!.AsArray().Select(g => g!["label"]!.GetValue<string>()).ToList();

    [TestCase("groupBy=department", "groupBy")]
    [TestCase("", "groupBy")]
    [TestCase("groupBy=status&rollUp=true", "rollUp")]
    [TestCase("groupBy=unit&includeSubUnits=true", "includeSubUnits")]
    [TestCase("groupBy=unit&unitId=0198a3c4-0000-7000-8000-000000000000", "unitId")]
    [TestCase("groupBy=inspection&inspectionId=0198a3c4-0000-7000-8000-000000000000", "inspectionId")]
    public async Task GetStatistics_WhenAParameterIsInvalid_Returns400KeyedByIt(string query, string field)
    {
        using var response = await Admin.GetAsync($"{StatisticsLedger.StatisticsPath}?{query}");

        await response.ValidationProblemAsync(field);
    }

    [Test]
    public async Task GetStatistics_WithoutReadScope_IsForbidden()
    {
        using var client = await App.WithScopesAsync(["report"]);

        using var response = await client.GetAsync($"{StatisticsLedger.StatisticsPath}?groupBy=status");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("inspection")]
    [TestCase("unit")]
    public async Task GetStatistics_Aspects_AreCountedOnceTrimmedAndNeverEmpty(string groupBy)
    {
        var unit = await Admin.CreateUnitIdAsync("区机关事务管理局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("区委第二巡察组巡察反馈");
        foreach (var aspect in new[] { "政治建设方面", " 政治建设方面 ", "作风建设方面", "", null })
            await Admin.CreateItemAsync(inspection, unit, aspect);

        var statistics = await Admin.GetStatisticsAsync($"groupBy={groupBy}&inspectionId={inspection}");

        var group = StatisticsLedger.Group(statistics, groupBy == "unit" ? unit : inspection);
        Assert.That((group.Count("items"), group.Count("aspects")), Is.EqualTo((5, 2)));
        Assert.That(statistics["total"]!.AsObject().Count("aspects"), Is.EqualTo(2));
    }

    private static Dictionary<string, int> ItemsPerUnit(JsonObject statistics) =>
        StatisticsLedger.Groups(statistics).ToDictionary(g => g["label"]!.GetValue<string>(), g => g.Count("items"));

    private static JsonObject CountsOf(JsonObject group)
    {
        var counts = group.DeepClone().AsObject();
        counts.Remove("key");
        counts.Remove("label");
        return counts;
    }
}
