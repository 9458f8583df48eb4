using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Rectify.IntegrationTests.Items;
using Rectify.IntegrationTests.Statistics;
using Rectify.IntegrationTests.Units;

namespace Rectify.IntegrationTests.Reports;

/// <summary>
/// GET /api/v1/reports/{kind}. The clock stands at 2026-03-15 in Shanghai; each test arranges its own inspection (or
/// its own units) through the API and filters by it, so the tests share one database without seeing each other's items.
/// </summary>
public sealed class ReportTests : ApiTest
{
    private const string Reports = "/api/v1/reports";

    [Test]
    public async Task Summary_ForAPartyInspectionLedger_WritesTheSeedSentenceWithItsFigures()
    {
        var unit = await Admin.CreateUnitIdAsync("区生态环境局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("县委第四巡察组巡察反馈意见");
        // 3 aspects, 5 problems, 12 measures; 3 problems completed, 2 in progress (1 due this year); 9 measures implemented.
        var ledger = new (string Aspect, int Measures, int Implemented, string Status, DateOnly? Due)[]
        {
            ("政治建设方面", 2, 2, "completed", new DateOnly(2026, 6, 30)),
            ("政治建设方面", 3, 2, "in_progress", new DateOnly(2026, 12, 31)),
            ("作风建设方面", 2, 2, "completed", new DateOnly(2026, 6, 30)),
            ("作风建设方面", 3, 1, "in_progress", null),
            ("纪律建设方面", 2, 2, "completed", new DateOnly(2026, 6, 30)),
        };
        foreach (var (aspect, measures, implemented, status, due) in ledger)
        {
            var item = await Admin.CreateItemAsync(inspection, unit, aspect, due);
            await Admin.AddMeasuresAsync(item, measures, implemented);
            await Admin.ReportProgressAsync(item, status);
        }

        var summary = await GetJsonAsync($"summary?inspectionId={inspection}");
        using var text = await Admin.GetAsync($"{Reports}/summary?inspectionId={inspection}&format=text");

        const string seed = "县委第四巡察组巡察反馈3方面5个具体问题，12条整改措施；完成整改3个，占60%；12条整改措施已完成9条，占75%。";
        Assert.That(Sentences(summary), Does.Contain(seed));
        Assert.That(Sentences(summary), Does.Contain("2个正在推进，未完成整改问题需要限期2026年底之前完成的1个。"));
        var figures = summary["figures"]!.AsObject();
        Assert.That((figures.Count("items"), figures.Count("aspects"), figures.Count("completed"), figures.Rate("completionRate"),
            figures.Count("measuresImplemented"), figures.Rate("measureRate")), Is.EqualTo((5, 3, 3, 60m, 9, 75m)));
        Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(text.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("summary-2026-03-15.txt"));
        Assert.That((await text.Content.ReadAsStringAsync()).Split('\n'), Does.Contain(seed));
    }

    [Test]
    public async Task Summary_ForAProvincialInspection_SaysWhatIsDoneWhatIsLeftAndWhatIsDueThisYear()
    {
        var unit = await Admin.CreateUnitIdAsync("县城管局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("第一轮省环保督察反馈问题", "provincial_inspection");
        foreach (var status in new[] { "completed", "completed", "completed" })
            await Admin.ReportProgressAsync(await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 1)), status);
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 12, 31));
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2027, 6, 30));

        var summary = await GetJsonAsync($"summary?inspectionId={inspection}");

        Assert.That(Sentences(summary), Does.Contain(
            "第一轮省环保督察反馈问题5个，已完成整改3个，尚在推进整改中2个，未完成整改问题需要限期2026年底之前完成的1个。"));
    }

    [Test]
    public async Task Overdue_GroupsByLeadUnitAndRollsSubtotalsUpTheTree()
    {
        var county = await Admin.CreateUnitIdAsync("某县人民政府", kind: "office");
        var town = await Admin.CreateUnitIdAsync("城南街道", county);
        var village = await Admin.CreateUnitIdAsync("城南社区", town, "other");
        var inspection = await Admin.CreateInspectionAsync("中央生态环境保护督察反馈问题", "central_inspection");
        var townLate = await Admin.CreateItemAsync(inspection, town, dueDate: new DateOnly(2026, 3, 1));
        var villageLater = await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 3, 10));
        var villageLate = await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 2, 1),
            units: [new { unitId = town, role = "responsible" }]);
        var villageSoon = await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 3, 18));
        var townSoon = await Admin.CreateItemAsync(inspection, town, dueDate: new DateOnly(2026, 3, 20));
        var done = await Admin.CreateItemAsync(inspection, village, dueDate: new DateOnly(2026, 3, 1));
        await Admin.ReportProgressAsync(done, "completed");
        await Admin.CreateItemAsync(inspection, town, dueDate: new DateOnly(2026, 4, 30));

        var report = await GetJsonAsync($"overdue?inspectionId={inspection}");

        Assert.That(report["asOf"]!.GetValue<string>(), Is.EqualTo("2026-03-15"), "today in Shanghai");
        var figures = report["figures"]!.AsObject();
        Assert.That((figures.Count("overdue"), figures.Count("dueSoon"), figures.Count("overdueLeadUnits")), Is.EqualTo((3, 2, 2)));
        var codes = await CodesAsync(inspection);
        Assert.That(Rows(report, "overdue").Select(r => (r["code"]!.GetValue<string>(), r["leadUnit"]!.GetValue<string>(),
                r["daysOverdue"]!.GetValue<int>(), r["warningLevel"]!.GetValue<string>())),
            Is.EqualTo(new[]
            {
                (codes[townLate], "城南街道", 14, "red"), (codes[villageLate], "城南社区", 42, "red"),
                (codes[villageLater], "城南社区", 5, "red"),
            }), "by the lead unit's place in the tree (a unit before those below it), then due date");
        Assert.That(Rows(report, "dueSoon").Select(r => (r["code"]!.GetValue<string>(), r["dueInDays"]!.GetValue<int>(),
                r["warningLevel"]!.GetValue<string>())),
            Is.EqualTo(new[] { (codes[townSoon], 5, "blue"), (codes[villageSoon], 3, "yellow") }));
        Assert.That(Rows(report, "units").Select(r => (r["unit"]!.GetValue<string>(), r["overdue"]!.GetValue<int>(),
                r["overdueWithSubunits"]!.GetValue<int>(), r["dueSoon"]!.GetValue<int>(), r["dueSoonWithSubunits"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("某县人民政府", 0, 3, 0, 2), ("城南街道", 1, 3, 1, 2), ("城南社区", 2, 2, 1, 1) }),
            "each item counts once, for its lead unit, at every unit above it");
    }

    [Test]
    public async Task Overdue_AfterTheLeadMoves_ListsAndCountsTheItemUnderItsNewLead()
    {
        var before = await Admin.CreateUnitIdAsync("生态环境分局");
        var after = await Admin.CreateUnitIdAsync("水利局");
        var inspection = await Admin.CreateInspectionAsync("省级生态环境保护督察反馈问题", "provincial_inspection");
        var late = await Admin.CreateItemAsync(inspection, before, dueDate: new DateOnly(2026, 3, 1));

        using var moved = await Admin.PatchJsonAsync($"/api/v1/items/{late}", new { leadUnitId = after }, "\"1\"");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());

        var report = await GetJsonAsync($"overdue?inspectionId={inspection}");
        Assert.That(Rows(report, "overdue").Select(r => r["leadUnit"]!.GetValue<string>()), Is.EqualTo(new[] { "水利局" }));
        Assert.That(Rows(report, "units").Select(r => (r["unit"]!.GetValue<string>(), r["overdue"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("水利局", 1) }), "the old lead no longer answers for it");
    }

    [Test]
    public async Task Progress_CountsWhatChangedAfterSinceUpToAsOf()
    {
        var unit = await Admin.CreateUnitIdAsync("区水利局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("第二轮中央环保督察反馈问题", "central_inspection");
        await Admin.ReportProgressAsync(await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 6, 30)), "completed");
        var signedOff = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 6, 30));
        await Admin.ReportProgressAsync(signedOff, "completed");
        await SignOffAsync(signedOff);
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 12));
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 1));
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 12, 1));

        var week = await GetJsonAsync($"progress?inspectionId={inspection}&since=2026-03-10");
        var nextDay = await GetJsonAsync($"progress?inspectionId={inspection}&asOf=2026-03-16&since=2026-03-15");

        var row = Rows(week, "inspections").Single();
        Assert.That((row.Count("items"), row.Count("completed"), row.Count("inProgress"), row.Count("signedOff"),
            row.Count("dueByYearEnd")), Is.EqualTo((5, 2, 3, 1, 3)));
        Assert.That((row.Count("newlyCompleted"), row.Count("newlySignedOff"), row.Count("newlyOverdue")), Is.EqualTo((2, 1, 1)),
            "completed and signed off today; due 03-12 and still open (the one due 03-01 was overdue before)");
        Assert.That(week["figures"]!["since"]!.GetValue<string>(), Is.EqualTo("2026-03-10"));
        var later = Rows(nextDay, "inspections").Single();
        Assert.That((later.Count("newlyCompleted"), later.Count("newlySignedOff"), later.Count("newlyOverdue")), Is.EqualTo((0, 0, 0)),
            "since is exclusive: what happened on 03-15 belongs to the window before");
    }

    [Test]
    public async Task Ranking_OrdersByCompletionOverdueAndOnTimeRateThenUnitCode()
    {
        var root = await Admin.CreateUnitIdAsync("评比县", kind: "office");
        var prefix = NewCode("R");
        async Task<Guid> UnitAsync(string suffix) =>
            UnitApi.IdOf(await Admin.CreateUnitAsync($"{prefix}-{suffix}", $"单位{suffix}", "township", root));
        // Created out of code order, so the tie between B and A is decided by the code, not by creation.
        var (b, a, c, d, e) = (await UnitAsync("B"), await UnitAsync("A"), await UnitAsync("C"), await UnitAsync("D"), await UnitAsync("E"));
        var inspection = await Admin.CreateInspectionAsync("月评比专项行动", "campaign");
        async Task ItemAsync(Guid lead, DateOnly due, bool complete)
        {
            var item = await Admin.CreateItemAsync(inspection, lead, dueDate: due);
            if (complete)
                await Admin.ReportProgressAsync(item, "completed");
        }
        var (past, future) = (new DateOnly(2026, 3, 1), new DateOnly(2026, 9, 30));
        foreach (var unit in new[] { b, a })
        {
            await ItemAsync(unit, future, true);
            await ItemAsync(unit, future, true);
        }
        await ItemAsync(c, future, true);   // 50 %, nothing overdue, on time 1/1
        await ItemAsync(c, future, false);
        await ItemAsync(d, past, true);     // 50 %, nothing overdue, completed late: on time 0/1
        await ItemAsync(d, future, false);
        await ItemAsync(e, future, true);   // 50 %, one overdue
        await ItemAsync(e, past, false);

        var report = await GetJsonAsync($"ranking?inspectionId={inspection}&unitId={root}");

        Assert.That(Rows(report, "ranking").Select(r => (r["rank"]!.GetValue<int>(), r["unit"]!.GetValue<string>(),
                r["completionRate"]!.GetValue<decimal>(), r["overdue"]!.GetValue<int>(), r["onTimeRate"]!.GetValue<decimal>())),
            Is.EqualTo(new[]
            {
                (1, "单位A", 100m, 0, 100m), (2, "单位B", 100m, 0, 100m), (3, "单位C", 50m, 0, 100m), (4, "单位D", 50m, 0, 0m),
                (5, "单位E", 50m, 1, 50m),
            }));
        Assert.That(Rows(report, "ranking").Single(r => r["unit"]!.GetValue<string>() == "单位E").Count("assessed"), Is.EqualTo(2),
            "completed, or open past the original due date");
    }

    [Test]
    public async Task Overdue_AsXlsx_HasChineseHeadersAndTheNumbersOfItsJson()
    {
        var (inspection, _) = await OverdueLedgerAsync("=1+2");

        var json = await GetJsonAsync($"overdue?inspectionId={inspection}");
        using var response = await Admin.GetAsync($"{Reports}/overdue?inspectionId={inspection}&format=xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("overdue-2026-03-15.xlsx"));
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcel.GetSheetNames(workbook), Is.EqualTo(new[] { "逾期问题", "即将到期问题", "单位小计" }));
        var sheet = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "逾期问题").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(sheet[0].Keys, Is.EqualTo(new[]
        {
            "问题编号", "问题", "督察来源", "牵头单位", "整改时限", "原定时限", "逾期天数", "整改进度", "进度状态", "存在困难", "预警等级",
        }));
        var rows = Rows(json, "overdue");
        Assert.That(sheet.Select(r => (r["问题编号"]?.ToString(), Convert.ToInt32(r["逾期天数"]))),
            Is.EqualTo(rows.Select(r => (r["code"]!.GetValue<string>(), r["daysOverdue"]!.GetValue<int>()))));
        var units = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "单位小计").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(units.Select(r => Convert.ToInt32(r["含下级逾期"])),
            Is.EqualTo(Rows(json, "units").Select(r => r.Count("overdueWithSubunits"))));
    }

    [Test]
    public async Task Overdue_AsCsv_StartsWithABomHasChineseHeadersAndNeutralisesFormulas()
    {
        var (inspection, _) = await OverdueLedgerAsync("=HYPERLINK(\"http://x\")");

        using var response = await Admin.GetAsync($"{Reports}/overdue?inspectionId={inspection}&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes[3..]);

        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("overdue-2026-03-15.csv"));
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var lines = csv.Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("逾期问题"));
        Assert.That(lines[1], Is.EqualTo("问题编号,问题,督察来源,牵头单位,整改时限,原定时限,逾期天数,整改进度,进度状态,存在困难,预警等级"));
        Assert.That(csv, Does.Contain(",\"'=HYPERLINK(\"\"http://x\"\")\","), "quoted per RFC 4180, with a leading apostrophe");
        Assert.That(lines, Does.Contain("即将到期问题"));
        Assert.That(lines[lines.ToList().IndexOf("即将到期问题") - 1], Is.Empty, "a blank line between sections");
    }

    [Test]
    public async Task Overdue_ForAUnitKey_ShowsItsSubtreeOnly()
    {
        var bureau = await Admin.CreateUnitIdAsync("区住建局", kind: "department");
        var office = await Admin.CreateUnitIdAsync("区住建局城建科", bureau, "department");
        var other = await Admin.CreateUnitIdAsync("区交通局", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("省生态环境保护督察反馈问题", "provincial_inspection");
        var own = await Admin.CreateItemAsync(inspection, office, dueDate: new DateOnly(2026, 3, 1));
        var shared = await Admin.CreateItemAsync(inspection, other, dueDate: new DateOnly(2026, 3, 1),
            units: [new { unitId = office, role = "responsible" }]);
        await Admin.CreateItemAsync(inspection, other, dueDate: new DateOnly(2026, 3, 1));
        using var key = await App.WithScopesAsync(["read"], bureau);

        using var response = await key.GetAsync($"{Reports}/overdue?inspectionId={inspection}");
        using var otherUnit = await key.GetAsync($"{Reports}/overdue?unitId={other}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var report = await response.BodyAsync();
        var codes = await CodesAsync(inspection);
        Assert.That(Rows(report, "overdue").Select(r => r["code"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { codes[own], codes[shared] }), "the items its units hold a role on");
        Assert.That(report["figures"]!.AsObject().Count("overdue"), Is.EqualTo(2));
        Assert.That(Rows(report, "units").Select(r => (r["unit"]!.GetValue<string>(), r["overdueWithSubunits"]!.GetValue<int>())),
            Is.EqualTo(new[] { ("区住建局", 1), ("区住建局城建科", 1) }),
            "subtotals only for its own units: 区交通局's would count one of its two overdue items");
        await otherUnit.ProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("overdue?asOf=1999-12-31", "asOf")]
    [TestCase("overdue?asOf=15.03.2026", "asOf")]
    [TestCase("summary?format=pdf", "format")]
    [TestCase("progress?asOf=2026-03-15&since=2026-03-15", "since")]
    public async Task Report_WithABadParameter_Is400NamingIt(string query, string field)
    {
        using var response = await Admin.GetAsync($"{Reports}/{query}");

        await response.ValidationProblemAsync(field);
    }

    [Test]
    public async Task Report_ForAnUnknownInspection_Is404()
    {
        using var response = await Admin.GetAsync($"{Reports}/summary?inspectionId={Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>An inspection with an overdue item titled <paramref name="title"/>, one due soon, and one completed.</summary>
    private async Task<(Guid Inspection, Guid Item)> OverdueLedgerAsync(string title)
    {
        var unit = await Admin.CreateUnitIdAsync("区环卫处", kind: "department");
        var inspection = await Admin.CreateInspectionAsync("警示片披露问题", "warning_film");
        var item = await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 2));
        using var renamed = await Admin.PatchJsonAsync($"/api/v1/items/{item}", new { title }, "*");
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await renamed.Content.ReadAsStringAsync());
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 1));
        await Admin.CreateItemAsync(inspection, unit, dueDate: new DateOnly(2026, 3, 17));
        return (inspection, item);
    }

    private async Task<JsonObject> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Admin.GetAsync($"{Reports}/{pathAndQuery}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private async Task<Dictionary<Guid, string>> CodesAsync(Guid inspection)
    {
        using var response = await Admin.GetAsync($"/api/v1/items?inspectionId={inspection}&limit=200");
        return UnitApi.ItemsOf(await response.BodyAsync())
            .ToDictionary(i => i["id"]!.GetValue<Guid>(), i => i["code"]!.GetValue<string>());
    }

    private async Task SignOffAsync(Guid item)
    {
        await StatisticsLedger.RequestSignOffAsync(Admin, item);
        while (await Admin.PendingStepAsync(item) is { } step)
        {
            using var approved = await Reviewer.PostAsJsonAsync($"/api/v1/items/{item}/sign-off/approve",
                new { step, reviewerName = "王科长" });
            Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        }
    }

    private static List<string> Sentences(JsonObject report) =>
        report["sentences"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

    private static List<JsonObject> Rows(JsonObject report, string section) =>
        report["sections"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == section)!["rows"]!.AsArray()
            .Select(r => r!.AsObject()).ToList();
}
