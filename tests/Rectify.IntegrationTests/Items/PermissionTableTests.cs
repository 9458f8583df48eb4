using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// README's permission table, cell by cell: every item action tried by every kind of key, on a fresh item each time.
/// The item is led by township A, with B responsible, D cooperating, E supervising and F acceptance, all under county
/// C; its measure belongs to D, and A has a village below it. Every key holds read, write, report and review, so the
/// cells show the policy, not the scopes. "requester" is the office key that asked for the sign-off or extension
/// being decided.
/// </summary>
public sealed class PermissionTableTests : ItemTest
{
    private static readonly string[] Keys =
        ["office", "lead", "responsible", "cooperating", "supervising", "acceptance", "above_lead", "requester", "unrelated"];

    // ✓ is any 2xx. Keep in step with the table in README.md.
    private static readonly (string Action, string Cells)[] Table =
    [
        ("read_item",          "✓   ✓   ✓   ✓   ✓   ✓   ✓   ✓   404"),
        ("edit_item",          "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("upsert_by_ref",      "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("change_lead",        "✓   403 403 403 403 403 403 ✓   404"),
        ("move_due_date",      "✓   403 403 403 403 403 403 ✓   404"),
        ("add_measure",        "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("edit_measure",       "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("implement_measure",  "✓   ✓   403 ✓   403 403 ✓   ✓   404"),
        ("report_progress",    "✓   ✓   ✓   403 403 403 ✓   ✓   404"),
        ("request_sign_off",   "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("approve_sign_off",   "✓   403 403 403 403 403 ✓   403 404"),
        ("return_sign_off",    "✓   403 403 403 403 403 ✓   403 404"),
        ("request_extension",  "✓   ✓   403 403 403 403 ✓   ✓   404"),
        ("approve_extension",  "✓   403 403 403 403 403 ✓   403 404"),
        ("reject_extension",   "✓   403 403 403 403 403 ✓   403 404"),
        ("record_recurrence",  "✓   403 403 403 403 403 ✓   ✓   404"),
    ];

    private static IEnumerable<TestCaseData> Cells() =>
        from row in Table
        let cells = row.Cells.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from column in Enumerable.Range(0, Keys.Length)
        select new TestCaseData(row.Action, Keys[column], cells[column]).SetName($"{row.Action} by {Keys[column]}: {cells[column]}");

    private readonly Dictionary<string, HttpClient> _keys = [];
    private Guid _county, _lead, _village, _responsible, _cooperating, _supervising, _acceptance;

    [OneTimeSetUp]
    public async Task ArrangeUnitsAndKeys()
    {
        var county = _county = await Admin.CreateUnitAsync("某某县人民政府", kind: "office");
        _lead = await Admin.CreateUnitAsync("城关镇人民政府", county, "township");
        _village = await Admin.CreateUnitAsync("城关镇北关村", _lead, "other");
        _responsible = await Admin.CreateUnitAsync("东城街道办事处", county, "township");
        _cooperating = await Admin.CreateUnitAsync("县水利局", county);
        _supervising = await Admin.CreateUnitAsync("县生态环境局", county);
        _acceptance = await Admin.CreateUnitAsync("县住建局", county);
        var unrelated = await Admin.CreateUnitAsync("西城街道办事处", county, "township");
        string[] scopes = ["read", "write", "report", "review"];
        _keys["office"] = Admin;
        _keys["requester"] = await App.WithScopesAsync(scopes);
        foreach (var (name, unit) in new[]
                 {
                     ("lead", _lead), ("responsible", _responsible), ("cooperating", _cooperating),
                     ("supervising", _supervising), ("acceptance", _acceptance), ("above_lead", county), ("unrelated", unrelated),
                 })
            _keys[name] = await App.WithScopesAsync(scopes, unit);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        foreach (var (name, key) in _keys.Where(k => k.Key != "office"))
            key.Dispose();
    }

    [TestCaseSource(nameof(Cells))]
    public async Task ItemAction_ByKey_AnswersAsTheTableSays(string action, string key, string expected)
    {
        var (method, uri, body) = await PrepareAsync(action, await ItemForAsync());

        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (method == HttpMethod.Patch || method == HttpMethod.Put)
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await _keys[key].SendAsync(request);

        var answer = await response.Content.ReadAsStringAsync();
        if (expected == "✓")
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{action} by {key}: {(int)response.StatusCode} {answer}");
        else
            Assert.That(((int)response.StatusCode).ToString(), Is.EqualTo(expected), $"{action} by {key}: {answer}");
    }

    [Test]
    public async Task ARefusal_NamesTheRule()
    {
        var item = (await ItemForAsync()).Id;

        using var response = await _keys["lead"].PatchJsonAsync(ItemUri(item), new { dueDate = "2030-12-31" }, "*");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["rule"].Text(), Is.EqualTo("move_due_date"));
        Assert.That((await Admin.GetItemAsync(item)).Body["dueDate"].Text(), Is.EqualTo("2026-12-31"));
    }

    [Test]
    public async Task ApproveSignOff_ByTheClientThatRequestedIt_Returns403NoSelfReviewAndApprovesNothing()
    {
        var item = (await ItemForAsync()).Id;
        await Admin.CompleteAsync(item);
        await _keys["above_lead"].RequestSignOffAsync(item);

        using var response = await _keys["above_lead"].PostAsJsonAsync($"{ItemUri(item)}/sign-off/approve",
            new { step = Steps[0], reviewerName = "县整改办" });

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["rule"].Text(), Is.EqualTo("no_self_review"));
        Assert.That(await Admin.PendingStepAsync(item), Is.EqualTo(Steps[0]));
    }

    [Test]
    public async Task CreateItem_ByAUnitKeyNamingAUnitOutsideItsSubtree_Returns403AndCreatesNothing()
    {
        var body = Body(leadUnitId: _lead);
        body["units"] = new JsonArray(new JsonObject { ["unitId"] = _responsible, ["role"] = "responsible" });

        using var response = await _keys["lead"].PostJsonAsync(ItemsPath, body);

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["rule"].Text(), Is.EqualTo("units_in_own_subtree"));
        using var list = await Admin.GetAsync($"{ItemsPath}?q={body["code"]}");
        Assert.That((await list.BodyAsync())["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task AddMeasure_ByTheLeadForAUnitOutsideItsSubtree_Returns403()
    {
        var item = (await ItemForAsync()).Id;

        using var response = await _keys["lead"].PostAsJsonAsync($"{ItemUri(item)}/measures",
            new { description = "交给别的街道落实", unitId = _responsible });

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("units_in_own_subtree"));
        Assert.That(await Admin.MeasuresAsync(item), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ApproveSignOff_ByAnotherKeyOfTheUnitThatRequestedIt_Returns403NoSelfReview()
    {
        var item = (await ItemForAsync()).Id;
        await Admin.CompleteAsync(item);
        await _keys["above_lead"].RequestSignOffAsync(item);
        using var secondKey = await App.WithScopesAsync(["read", "review"], _county);

        using var response = await secondKey.PostAsJsonAsync($"{ItemUri(item)}/sign-off/approve",
            new { step = Steps[0], reviewerName = "县整改办" });

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("no_self_review"));
        Assert.That(await Admin.PendingStepAsync(item), Is.EqualTo(Steps[0]));
    }

    [Test]
    public async Task UpdateItem_ByTheLeadAddingAUnitOutsideItsSubtree_Returns403AndKeepsTheUnits()
    {
        var arranged = await ItemForAsync();
        var (before, etag) = await Admin.GetItemAsync(arranged.Id);
        var units = before["units"]!.DeepClone().AsArray();
        units.Add(Role(await Admin.CreateUnitAsync("南城街道办事处", _county, "township"), "cooperating"));

        using var response = await _keys["lead"].PatchJsonAsync(ItemUri(arranged.Id), new { units }, "*");

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("units_in_own_subtree"));
        Assert.That((await Admin.GetItemAsync(arranged.Id)).ETag, Is.EqualTo(etag));
    }

    [Test]
    public async Task UpdateMeasure_ByTheLeadGivingItToAUnitOutsideItsSubtree_Returns403()
    {
        var arranged = await ItemForAsync();

        using var response = await _keys["lead"].PatchJsonAsync($"{ItemUri(arranged.Id)}/measures/{arranged.Measure}",
            new { unitId = _responsible }, "*");

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("units_in_own_subtree"));
        Assert.That((await Admin.MeasuresAsync(arranged.Id)).Single()!["unitId"]!.GetValue<Guid>(), Is.EqualTo(_cooperating));
    }

    [Test]
    public async Task UpdateMeasure_EditingItWithAReportOnlyKey_Returns403ButImplementingItIsFine()
    {
        var arranged = await ItemForAsync();
        using var reporter = await App.WithScopesAsync(["read", "report"], _lead);
        var measureUri = $"{ItemUri(arranged.Id)}/measures/{arranged.Measure}";

        using var edited = await reporter.PatchJsonAsync(measureUri, new { description = "改写措施" }, "*");
        using var implemented = await reporter.PatchJsonAsync(measureUri, new { implemented = true }, "*");

        Assert.That((await edited.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("manage_measures"));
        Assert.That(implemented.StatusCode, Is.EqualTo(HttpStatusCode.OK), await implemented.Content.ReadAsStringAsync());
    }

    /// <summary>A fresh item with every role filled, a measure for the cooperating unit, and a reference of another system.</summary>
    private async Task<Arranged> ItemForAsync()
    {
        var body = FullBody(NewCode("P"));
        var item = IdOf(await Admin.CreateItemAsync(body));
        var measure = await Admin.PostExpectingAsync($"{ItemUri(item)}/measures",
            new { description = "完成沿河截污管网建设", unitId = _cooperating });
        return new Arranged(item, IdOf(measure["measure"]), body["code"].Text(), body);
    }

    private JsonObject FullBody(string code)
    {
        var body = Body(code, leadUnitId: _lead);
        body["units"] = new JsonArray(
            Role(_responsible, "responsible"), Role(_cooperating, "cooperating"), Role(_supervising, "supervising"),
            Role(_acceptance, "acceptance"));
        body["externalRefs"] = new JsonArray(new JsonObject { ["system"] = "city-dts", ["id"] = code });
        return body;
    }

    private sealed record Arranged(Guid Id, Guid Measure, string Ref, JsonObject Body);

    private static JsonObject Role(Guid unitId, string role) => new() { ["unitId"] = unitId, ["role"] = role };

    /// <summary>Brings the item to where the action makes sense (as the office, or as the requester) and names the request.</summary>
    private async Task<(HttpMethod Method, string Uri, object? Body)> PrepareAsync(string action, Arranged arranged)
    {
        var (item, measure) = (arranged.Id, arranged.Measure);
        var uri = ItemUri(item);
        var requester = _keys["requester"];
        switch (action)
        {
            case "read_item":
                return (HttpMethod.Get, uri, null);
            case "edit_item":
                return (HttpMethod.Patch, uri, new { title = "城区雨污混流问题" });
            case "upsert_by_ref":
                var replaced = arranged.Body.DeepClone().AsObject();
                replaced["title"] = "城区雨污混流问题";
                return (HttpMethod.Put, $"{ItemsPath}/by-ref/city-dts/{arranged.Ref}", replaced);
            case "change_lead":
                return (HttpMethod.Patch, uri, new { leadUnitId = _village });
            case "move_due_date":
                return (HttpMethod.Patch, uri, new { dueDate = "2030-12-31" });
            case "add_measure":
                return (HttpMethod.Post, $"{uri}/measures", new { description = "开展入河排污口排查" });
            case "edit_measure":
                return (HttpMethod.Patch, $"{uri}/measures/{measure}", new { description = "完成沿河截污管网建设并验收" });
            case "implement_measure":
                return (HttpMethod.Patch, $"{uri}/measures/{measure}", new { implemented = true });
            case "report_progress":
                return (HttpMethod.Post, $"{uri}/progress",
                    new { reportedOn = "2026-03-15", summary = "已完成大部分管网改造", progressStatus = "in_progress" });
            case "request_sign_off":
                await Admin.CompleteAsync(item);
                return (HttpMethod.Post, $"{uri}/sign-off", new { summary = "整改措施均已落实，申请销号" });
            case "approve_sign_off":
                await Admin.CompleteAsync(item);
                await requester.RequestSignOffAsync(item);
                return (HttpMethod.Post, $"{uri}/sign-off/approve", new { step = Steps[0], reviewerName = "县整改办" });
            case "return_sign_off":
                await Admin.CompleteAsync(item);
                await requester.RequestSignOffAsync(item);
                return (HttpMethod.Post, $"{uri}/sign-off/return", new { step = Steps[0], reviewerName = "县整改办", reason = "材料不全" });
            case "request_extension":
                return (HttpMethod.Post, $"{uri}/extensions", new { requestedDueDate = "2027-06-30", reason = "资金未到位" });
            case "approve_extension" or "reject_extension":
                var requested = await requester.PostExpectingAsync($"{uri}/extensions",
                    new { requestedDueDate = "2027-06-30", reason = "资金未到位" });
                var decision = action == "approve_extension" ? "approve" : "reject";
                return (HttpMethod.Post, $"{uri}/extensions/{IdOf(requested["extension"])}/{decision}", new { reviewerName = "县整改办" });
            case "record_recurrence":
                await Admin.CompleteAsync(item);
                return (HttpMethod.Post, $"{uri}/recurrences", new
                {
                    detectedOn = "2026-03-15", detectedBy = "回头看督察组", description = "河道再次发现污水直排", newDueDate = "2026-09-30",
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
