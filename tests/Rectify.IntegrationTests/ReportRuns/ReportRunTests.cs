using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.ReportRuns;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using Rectify.IntegrationTests.Webhooks;

namespace Rectify.IntegrationTests.ReportRuns;

/// <summary>
/// Stored runs through the API (POST, list, fetch in each format) and the events they raise, on the test clock: it
/// starts on Sunday 2026-03-15 10:00 in Shanghai, so the overdue schedule's (daily 08:00) current period is 2026-03-15.
/// </summary>
public sealed class ReportRunTests
{
    private const string RunsPath = "/api/v1/report-runs";
    private static readonly DateTimeOffset Start = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    private RectifyApp _app = null!;
    private HttpClient _admin = null!;
    private HttpClient _reviewer = null!;
    private WebhookReceiver _receiver = null!;
    private Guid _inspectionId;
    private Guid _unitId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new RectifyApp(WebhookTest.QuickDispatch);
        _admin = _app.Admin();
        _reviewer = await _app.WithScopesAsync(["read", "review"]);
        _receiver = await WebhookReceiver.StartAsync();
        _inspectionId = InspectionApi.InspectionId(await _admin.CreateInspectionAsync("第二轮省生态环境保护督察反馈意见"));
        _unitId = await _admin.CreateUnitAsync("区水利局");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _reviewer.Dispose();
        _admin.Dispose();
        _app.Dispose();
        await _receiver.DisposeAsync();
    }

    [SetUp]
    public void ResetClock() => _app.Clock.Now = Start;

    private async Task<Guid> ItemDueAsync(string dueDate)
    {
        var body = ItemApi.ItemBody(_inspectionId, _unitId, "R" + Guid.NewGuid().ToString("N")[..8]);
        body["dueDate"] = dueDate;
        return ItemApi.IdOf(await _admin.CreateItemAsync(body));
    }

    private async Task<JsonObject> RunAsync(object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        using var response = await _admin.PostAsJsonAsync(RunsPath, body);
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private async Task<HttpResponseMessage> FetchAsync(Guid runId, string format)
    {
        var response = await _admin.GetAsync($"{RunsPath}/{runId}?format={format}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    [Test]
    public async Task PostRun_ThenFetch_JsonCsvAndXlsxCarryTheSameFigures()
    {
        _app.Clock.Now = Start.AddDays(400);
        var itemId = await ItemDueAsync("2027-04-10");
        var code = (await _admin.GetItemAsync(itemId)).Body["code"].Text();

        using var created = await _admin.PostAsJsonAsync(RunsPath, new { kind = "overdue" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var run = await created.BodyAsync();
        var runId = run["id"]!.GetValue<Guid>();
        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"{RunsPath}/{runId}"));
        Assert.That(run["period"].Text(), Is.EqualTo("2027-04-19"));
        Assert.That(run["asOf"].Text(), Is.EqualTo("2027-04-19"));
        Assert.That(run["trigger"].Text(), Is.EqualTo("manual"));

        using var jsonResponse = await FetchAsync(runId, "json");
        Assert.That(jsonResponse.Content.Headers.ContentDisposition!.FileNameStar ?? jsonResponse.Content.Headers.ContentDisposition.FileName,
            Is.EqualTo("overdue-2027-04-19.json"));
        var document = JsonNode.Parse(await jsonResponse.Content.ReadAsStringAsync())!;
        Assert.That(document["run"]!["id"]!.GetValue<Guid>(), Is.EqualTo(runId));
        Assert.That(document["asOf"].Text(), Is.EqualTo("2027-04-19"));
        var overdueRows = document["sections"]!.AsArray().First(s => s!["name"].Text() == "overdue")!["rows"]!.AsArray();
        var row = overdueRows.Single(r => r!["code"].Text() == code)!;
        Assert.That(row["daysOverdue"]!.GetValue<long>(), Is.EqualTo(9));

        using var csvResponse = await FetchAsync(runId, "csv");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.That(csv.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "UTF-8 with BOM");
        Assert.That(Encoding.UTF8.GetString(csv), Does.Contain("问题编号").And.Contain(code));

        using var xlsxResponse = await FetchAsync(runId, "xlsx");
        Assert.That(xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar ?? xlsxResponse.Content.Headers.ContentDisposition.FileName,
            Is.EqualTo("overdue-2027-04-19.xlsx"));
        using var workbook = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        AssertWorkbookHoldsTheDocument(workbook, document);
        var sheet = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "逾期问题").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(Convert.ToInt64(sheet.Single(r => r["问题编号"]?.ToString() == code)["逾期天数"]), Is.EqualTo(9));
    }

    [TestCase("overdue", "2026-03-14")]
    [TestCase("progress", "2026-W08")]
    [TestCase("ranking", "2025-10")]
    [TestCase("summary", "2022")]
    public async Task StoredRun_AsXlsx_HoldsTheHeadersAndNumbersOfItsJson(string kind, string period)
    {
        await ItemDueAsync("2026-03-12");
        var runId = (await RunAsync(new { kind, period }))["id"]!.GetValue<Guid>();

        using var json = await FetchAsync(runId, "json");
        using var xlsx = await FetchAsync(runId, "xlsx");

        var document = JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        Assert.That(document["sections"]!.AsArray().Sum(s => s!["rows"]!.AsArray().Count), Is.GreaterThan(0), "something to compare");
        AssertWorkbookHoldsTheDocument(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), document);
    }

    /// <summary>One sheet per section, named by its title, with the Chinese headers and, cell by cell, the JSON's values.</summary>
    private static void AssertWorkbookHoldsTheDocument(Stream workbook, JsonNode document)
    {
        var sections = document["sections"]!.AsArray().Select(s => s!).ToList();
        Assert.That(MiniExcel.GetSheetNames(workbook), Is.EqualTo(sections.Select(s => s["title"].Text())));
        foreach (var section in sections)
        {
            var columns = section["columns"]!.AsArray().Select(c => (Key: c!["key"].Text(), Header: c["header"].Text())).ToList();
            Assert.That(columns.Select(c => c.Header), Has.All.Matches<string>(h => h != null && h.Any(ch => ch >= 0x4E00)), "Chinese headers");
            var headers = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: section["title"].Text())
                .Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
            Assert.That(headers, Is.EqualTo(columns.Select(c => c.Header)));
            var rows = section["rows"]!.AsArray();
            var sheet = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: section["title"].Text())
                .Cast<IDictionary<string, object?>>().ToList();
            Assert.That(sheet, Has.Count.EqualTo(rows.Count), section["title"].Text());
            for (var i = 0; i < rows.Count; i++)
                foreach (var (key, header) in columns)
                {
                    var json = rows[i]![key];
                    var cell = sheet[i][header];
                    if (json is JsonValue value && value.TryGetValue<decimal>(out var number))
                        Assert.That(Convert.ToDecimal(cell), Is.EqualTo(number), $"{section["title"]} row {i} {header}");
                    else
                        Assert.That(cell?.ToString() ?? "", Is.EqualTo(json?.ToString() ?? ""), $"{section["title"]} row {i} {header}");
                }
        }
    }

    [Test]
    public async Task PostRun_ForAPeriodAlreadyMade_Returns409NamingTheRun()
    {
        var first = await RunAsync(new { kind = "progress", period = "2026-W10" });

        using var response = await _admin.PostAsJsonAsync(RunsPath, new { kind = "progress", period = "2026-W10" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["detail"].Text(), Does.Contain(first["id"].Text()));
    }

    [TestCase("overdue", "2026-3-1")]
    [TestCase("overdue", "2026-03-16")]
    [TestCase("overdue", "2026-W11")]
    [TestCase("progress", "2026-W12")]
    [TestCase("progress", "2026-W54")]
    [TestCase("ranking", "2026-04")]
    [TestCase("summary", "2027")]
    [TestCase("summary", "二〇二六")]
    public async Task PostRun_WithAMalformedOrFuturePeriod_Returns400OnPeriod(string kind, string period)
    {
        using var response = await _admin.PostAsJsonAsync(RunsPath, new { kind, period });

        await response.ValidationProblemAsync("period");
    }

    [TestCase("ranking", "2026-01", "2026-01-31")]
    [TestCase("progress", "2026-W09", "2026-03-01")]
    [TestCase("ranking", "2026-03", "2026-03-15")]
    [TestCase("summary", "2025", "2025-12-31")]
    public async Task PostRun_ForAPastOrRunningPeriod_IsAsOfItsLastDayOrToday(string kind, string period, string asOf)
    {
        var run = await RunAsync(new { kind, period });

        Assert.That(run["period"].Text(), Is.EqualTo(period));
        Assert.That(run["asOf"].Text(), Is.EqualTo(asOf));
    }

    [Test]
    public async Task PostRun_WithAnIdempotencyKey_ReplaysTheRunInsteadOfA409()
    {
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, RunsPath) { Content = JsonContent.Create(new { kind = "ranking", period = "2026-02" }) };
            request.Headers.Add("Idempotency-Key", "run-ranking-2026-02");
            return request;
        }

        using var first = await _admin.SendAsync(Request());
        using var second = await _admin.SendAsync(Request());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), await second.Content.ReadAsStringAsync());
        Assert.That(second.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await second.BodyAsync())["id"].Text(), Is.EqualTo((await first.BodyAsync())["id"].Text()));
    }

    [Test]
    public async Task ListRuns_OfOneKind_NewestFirst()
    {
        var older = await RunAsync(new { kind = "summary", period = "2024" });
        var newer = await RunAsync(new { kind = "summary", period = "2023" });

        var page = await _admin.GetListAsync($"{RunsPath}?kind=summary&limit=200");

        var ids = page["items"]!.AsArray().Select(r => r!["id"].Text()).ToList();
        Assert.That(ids.Take(2), Is.EqualTo(new[] { newer["id"].Text(), older["id"].Text() }));
        Assert.That(page["items"]!.AsArray().All(r => r!["kind"].Text() == "summary"), Is.True);
    }

    [Test]
    public async Task UnitKey_ListingOrFetchingRuns_Returns403OfficeOnly()
    {
        var run = await RunAsync(new { kind = "ranking", period = "2025-12" });
        using var unitKey = await _app.WithScopesAsync(["read"], _unitId);

        using var list = await unitKey.GetAsync(RunsPath);
        using var fetch = await unitKey.GetAsync($"{RunsPath}/{run["id"].Text()}");

        Assert.That((await list.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("office_only"));
        Assert.That((await fetch.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("office_only"));
    }

    [Test]
    public async Task FetchRun_WhenUnknown_Returns404()
    {
        using var response = await _admin.GetAsync($"{RunsPath}/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PostRun_SendsReportGeneratedWithLinksAndFigures()
    {
        var path = $"generated/{Guid.NewGuid():N}";
        await _admin.SubscribeAsync(_receiver.Url(path), ["report.generated"]);

        var run = await RunAsync(new { kind = "ranking", period = "2025-11" });

        await WebhookTest.EventuallyAsync(() => _receiver.ReceivedAt(path).Count > 0, "report.generated delivered");
        var body = JsonNode.Parse(_receiver.ReceivedAt(path)[0].Body)!;
        Assert.That(body["type"].Text(), Is.EqualTo("report.generated"));
        var sent = body["data"]!["run"]!;
        Assert.That(sent["id"].Text(), Is.EqualTo(run["id"].Text()));
        Assert.That(sent["kind"].Text(), Is.EqualTo("ranking"));
        Assert.That(sent["period"].Text(), Is.EqualTo("2025-11"));
        Assert.That(sent["asOf"].Text(), Is.EqualTo("2025-11-30"));
        Assert.That(sent["links"]!["xlsx"].Text(), Is.EqualTo($"{RunsPath}/{run["id"].Text()}?format=xlsx"));
        Assert.That(sent["figures"], Is.Not.Null);
        Assert.That(sent["sections"], Is.Null, "the rows are fetched, not pushed");
    }

    [Test]
    public async Task ItemOverdue_IsRaisedOncePerSpell_AndAgainWhenAnExtendedDeadlineLapses()
    {
        var path = $"overdue/{Guid.NewGuid():N}";
        await _admin.SubscribeAsync(_receiver.Url(path), ["item.overdue"]);
        _app.Clock.Now = Start.AddDays(700);
        var itemId = await ItemDueAsync("2028-02-20");
        var extensionId = ItemApi.IdOf((await _admin.PostExpectingAsync($"{ItemApi.ItemUri(itemId)}/extensions",
            new { requestedDueDate = "2028-02-25", reason = "设备到货延迟" }))["extension"]);
        List<JsonNode> EventsOfItem() => _receiver.ReceivedAt(path).Where(r => r.AnsweredStatus == 200).DistinctBy(r => r.Id)
            .Select(r => JsonNode.Parse(r.Body)!).Where(b => b["data"]!["item"]!["id"]!.GetValue<Guid>() == itemId).ToList();

        _app.Clock.Now = new DateTimeOffset(2028, 2, 21, 2, 0, 0, TimeSpan.Zero);
        await RunAsync(new { kind = "overdue" });
        await RunAsync(new { kind = "overdue" }, HttpStatusCode.Conflict);
        _app.Clock.Now = new DateTimeOffset(2028, 2, 22, 2, 0, 0, TimeSpan.Zero);
        await RunAsync(new { kind = "overdue" });
        await WebhookTest.EventuallyAsync(() => EventsOfItem().Count > 0, "item.overdue delivered");
        await _reviewer.PostExpectingAsync($"{ItemApi.ItemUri(itemId)}/extensions/{extensionId}/approve", new { reviewerName = "赵主任" },
            HttpStatusCode.OK);
        await RunAsync(new { kind = "overdue", period = "2028-02-21" }, HttpStatusCode.Conflict);
        _app.Clock.Now = new DateTimeOffset(2028, 2, 27, 2, 0, 0, TimeSpan.Zero);
        await RunAsync(new { kind = "overdue" });

        await WebhookTest.EventuallyAsync(() => EventsOfItem().Count == 2, "a second item.overdue after the extended deadline lapsed");
        await Task.Delay(500);
        var events = EventsOfItem();
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events.Select(e => e["data"]!["item"]!["dueDate"].Text()), Is.EquivalentTo(new[] { "2028-02-20", "2028-02-25" }));
        Assert.That(events.Select(e => e["data"]!["overdueDays"]!.GetValue<int>()), Is.EquivalentTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task OverdueClaims_OfTwoInstancesAtOnce_NoticeEveryItemOnceWithoutAnError()
    {
        _app.Clock.Now = Start.AddDays(1000);
        var items = new List<Guid>();
        for (var i = 0; i < 6; i++)
            items.Add(await ItemDueAsync("2028-12-01"));
        var today = new DateOnly(2028, 12, 9);

        // Two connection factories on one file behave as two processes would: only SQLite's own locking is shared.
        async Task<IReadOnlyList<Guid>> ClaimAsync()
        {
            await using var session = new DbSession(new ConnectionFactory(new DatabaseOptions { SqlitePath = _app.DatabasePath }));
            await session.BeginAsync(CancellationToken.None);
            var claimed = await new OverdueNoticeStore(session).ClaimAsync(today, _app.Clock.Now, 4, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            return claimed;
        }

        var claims = await Task.WhenAll(ClaimAsync(), ClaimAsync(), ClaimAsync());
        var ours = claims.Select(c => c.Intersect(items).ToList()).ToList();

        Assert.That(ours.SelectMany(c => c), Is.EquivalentTo(items), "every overdue item noticed once, by one of the claims");
    }

    [Test]
    public async Task ItemOverdue_AfterARecurrenceReopensTheItemPastTheSameDate_IsRaisedAgain()
    {
        var path = $"recurred/{Guid.NewGuid():N}";
        await _admin.SubscribeAsync(_receiver.Url(path), ["item.overdue"]);
        _app.Clock.Now = new DateTimeOffset(2029, 3, 18, 2, 0, 0, TimeSpan.Zero);
        var itemId = await ItemDueAsync("2029-03-10");
        List<JsonNode> EventsOfItem() => _receiver.ReceivedAt(path).Where(r => r.AnsweredStatus == 200).DistinctBy(r => r.Id)
            .Select(r => JsonNode.Parse(r.Body)!).Where(b => b["data"]!["item"]!["id"]!.GetValue<Guid>() == itemId).ToList();
        await RunAsync(new { kind = "overdue" });
        await WebhookTest.EventuallyAsync(() => EventsOfItem().Count == 1, "item.overdue for the first spell");

        await _admin.CompleteAsync(itemId);
        await _reviewer.PostExpectingAsync($"{ItemApi.ItemUri(itemId)}/recurrences", new
        {
            detectedOn = "2029-03-10", detectedBy = "市生态环境局执法支队", description = "回头看发现再次出现雨污混流", newDueDate = "2029-03-10",
        });
        _app.Clock.Now = _app.Clock.Now.AddDays(1);
        await RunAsync(new { kind = "overdue" });

        await WebhookTest.EventuallyAsync(() => EventsOfItem().Count == 2, "item.overdue again for the reopened item");
        Assert.That(EventsOfItem().Select(e => e["data"]!["item"]!["recurrenceCount"]!.GetValue<int>()), Is.EquivalentTo(new[] { 0, 1 }));
    }
}
