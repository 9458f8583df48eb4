using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Ledger.LedgerApi;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// A county's ledger as offices keep it — a title row, Chinese headers, several units per cell with mixed separators,
/// numbered multi-line measures, dates in the ways people write them, progress words — goes in whole or not at all.
/// </summary>
public sealed class LedgerImportTests : ApiTest
{
    private static readonly string[] Headers =
        ["序号", "问题编号", "反馈问题", "整改要求", "问题类别", "属地", "是否重点", "牵头单位", "责任单位", "配合单位", "整改时限", "时限类型",
         "整改措施", "完成情况", "整改进展", "存在问题", "备注"];

    private Guid _ecology, _housing, _water, _farming, _town;

    [OneTimeSetUp]
    public async Task CreateUnits()
    {
        _ecology = await Admin.CreateUnitAsync("县生态环境局");
        _housing = await Admin.CreateUnitAsync("县住建局");
        _water = await Admin.CreateUnitAsync("县水利局");
        _farming = await Admin.CreateUnitAsync("县农业农村局");
        _town = await Admin.CreateUnitAsync("城关镇", kind: "township");
    }

    /// <summary>The rows of the ledger, title row first; <paramref name="edit"/> changes a copy.</summary>
    private static List<IReadOnlyList<string>> Ledger(Action<List<string[]>>? edit = null)
    {
        List<string[]> rows =
        [
            ["1", "ZY-01", "县城污水处理厂超负荷运行，部分污水溢流入河。汛期尤为突出。", "完成扩容改造", "水", "城关镇", "是", "县住建局",
             "县水利局、城关镇；县生态环境局", "", "2026年12月31日", "限期整改",
             "1.实施污水处理厂扩容改造\n2、完善截污管网\n（3）开展汛期巡查", "正在推进", "已完成扩容工程设计招标", "资金缺口较大", "省级挂牌"],
            ["2", "ZY-02", "养殖场粪污直排，周边水体发黑", "", "", "", "否", "县农业农村局", "城关镇,县生态环境局", "县水利局",
             "2026/6/30", "立行立改、限期整改", "①清理粪污\r\n②建设粪污处理设施", "已完成整改", "两项措施均已落实", "", ""],
            ["3", "ZY-03", "城区建筑工地扬尘管控不到位;渣土车抛洒", "", "大气", "", "N", "县住建局", "", "", "2026年底", "长期坚持",
             "落实工地六个百分之百", "尚未启动", "", "", ""],
            ["4", "ZY-04", "河道采砂管理混乱", "", "生态", "", "", "县水利局", "", "城关镇", "年底前", "", "", "", "", "", ""],
        ];
        edit?.Invoke(rows);
        return [["XX县第二轮中央环保督察反馈问题整改台账"], Headers, .. rows];
    }

    private async Task<Guid> NewInspectionAsync() => IdOf(await Admin.CreateInspectionAsync());

    private async Task<Dictionary<string, JsonObject>> ItemsByCodeAsync(Guid inspectionId)
    {
        var page = await Admin.GetListAsync($"{ItemApi.ItemsPath}?inspectionId={inspectionId}&limit=200");
        return page["items"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => i["code"]!.GetValue<string>());
    }

    private static Guid IdOf(JsonObject resource) => resource["id"]!.GetValue<Guid>();

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    private static List<(Guid, string)> Units(JsonObject item) =>
        item["units"]!.AsArray().Select(u => (u!["unitId"]!.GetValue<Guid>(), u["role"]!.GetValue<string>())).OrderBy(u => u.Item1).ToList();

    [TestCase("ledger.csv")]
    [TestCase("ledger.xlsx")]
    public async Task Import_WhenRealisticLedger_ItemsReadBackAsTheFileSays(string fileName)
    {
        var inspectionId = await NewInspectionAsync();
        var file = fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? Xlsx(Ledger()) : Csv(Ledger());

        var answer = await Admin.ImportOkAsync(inspectionId, file, fileName);

        Assert.That(answer["created"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(Strings(answer["unknownColumns"]), Is.EqualTo(new[] { "备注" }));
        Assert.That(answer["rows"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["code"]!.GetValue<string>(), r["action"]!.GetValue<string>())),
            Is.EqualTo(new[] { (3, "ZY-01", "created"), (4, "ZY-02", "created"), (5, "ZY-03", "created"), (6, "ZY-04", "created") }));
        var warnings = answer["warnings"]!.AsArray().Select(w => (w!["row"]!.GetValue<int>(), w["column"]!.GetValue<string>())).ToList();
        Assert.That(warnings, Does.Contain((3, "问题标题")).And.Contain((4, "问题类别")));

        var items = await ItemsByCodeAsync(inspectionId);
        var first = items["ZY-01"];
        Assert.That(first["title"]!.GetValue<string>(), Is.EqualTo("县城污水处理厂超负荷运行"));
        Assert.That(first["description"]!.GetValue<string>(), Is.EqualTo("县城污水处理厂超负荷运行，部分污水溢流入河。汛期尤为突出。"));
        Assert.That(first["requirement"]!.GetValue<string>(), Is.EqualTo("完成扩容改造"));
        Assert.That(first["category"]!.GetValue<string>(), Is.EqualTo("water"));
        Assert.That(first["area"]!.GetValue<string>(), Is.EqualTo("城关镇"));
        Assert.That(first["isKey"]!.GetValue<bool>(), Is.True);
        Assert.That(first["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(_housing));
        Assert.That(Units(first), Is.EqualTo(new[] { (_water, "responsible"), (_town, "responsible"), (_ecology, "responsible") }.OrderBy(u => u.Item1)));
        Assert.That(first["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-12-31"));
        Assert.That(Strings(first["deadlineKinds"]), Is.EqualTo(new[] { "by_date" }));
        Assert.That(first["progressStatus"]!.GetValue<string>(), Is.EqualTo("in_progress"));
        Assert.That(first["obstacles"]!.GetValue<string>(), Is.EqualTo("资金缺口较大"));
        var measures = await Admin.MeasuresAsync(IdOf(first));
        Assert.That(measures.Select(m => m!["description"]!.GetValue<string>()), Is.EqualTo(new[] { "实施污水处理厂扩容改造", "完善截污管网", "开展汛期巡查" }));
        var progress = await Admin.GetListAsync($"{ItemApi.ItemUri(IdOf(first))}/progress");
        Assert.That(progress["items"]!.AsArray().Single()!["summary"]!.GetValue<string>(), Is.EqualTo("已完成扩容工程设计招标"));

        var second = items["ZY-02"];
        Assert.That(second["category"]!.GetValue<string>(), Is.EqualTo("other"));
        Assert.That(second["leadUnitId"]!.GetValue<Guid>(), Is.EqualTo(_farming));
        Assert.That(Units(second), Is.EqualTo(new[] { (_town, "responsible"), (_ecology, "responsible"), (_water, "cooperating") }.OrderBy(u => u.Item1)));
        Assert.That(second["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-06-30"));
        Assert.That(Strings(second["deadlineKinds"]), Is.EqualTo(new[] { "immediate", "by_date" }));
        Assert.That(second["progressStatus"]!.GetValue<string>(), Is.EqualTo("completed"));
        Assert.That(second["measures"]!["implemented"]!.GetValue<int>(), Is.EqualTo(2));

        var third = items["ZY-03"];
        Assert.That(third["title"]!.GetValue<string>(), Is.EqualTo("城区建筑工地扬尘管控不到位"));
        Assert.That(third["category"]!.GetValue<string>(), Is.EqualTo("air"));
        Assert.That(third["isKey"]!.GetValue<bool>(), Is.False);
        Assert.That(third["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-12-31"));
        Assert.That(Strings(third["deadlineKinds"]), Is.EqualTo(new[] { "ongoing" }));
        Assert.That(third["progressStatus"]!.GetValue<string>(), Is.EqualTo("not_started"));

        var fourth = items["ZY-04"];
        Assert.That(fourth["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-12-31"), "年底前: the end of the inspection's year");
        Assert.That(Strings(fourth["deadlineKinds"]), Is.EqualTo(new[] { "by_date" }));
        Assert.That(Units(fourth), Is.EqualTo(new[] { (_town, "cooperating") }));
    }

    [Test]
    public async Task Import_WhenRowsHaveErrors_Returns422NamingEachRowAndColumnAndWritesNothing()
    {
        var inspectionId = await NewInspectionAsync();
        await Admin.ImportOkAsync(inspectionId, Csv(Ledger()));
        var before = await ItemsByCodeAsync(inspectionId);
        var historyBefore = (await Admin.HistoryAsync(IdOf(before["ZY-01"]))).Count;
        var bad = Csv(Ledger(rows =>
        {
            rows[0][2] = "县城污水处理厂超负荷运行（已改）";
            rows[1][8] = "城关镇、县交通局";
            rows[2][10] = "2026年13月1日";
            rows.Add(["5", "ZY-05", "新问题", "", "", "", "", "县住建局", "", "", "", "", "", "", "", "", ""]);
        }));

        using var response = await Admin.ImportAsync(inspectionId, bad);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.That(errors, Is.EquivalentTo(new[] { (4, "责任单位"), (5, "整改时限") }), problem.ToJsonString());
        var after = await ItemsByCodeAsync(inspectionId);
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
        Assert.That(after["ZY-01"]["description"]!.GetValue<string>(), Is.EqualTo(before["ZY-01"]["description"]!.GetValue<string>()));
        Assert.That(after["ZY-01"]["version"]!.GetValue<int>(), Is.EqualTo(before["ZY-01"]["version"]!.GetValue<int>()));
        Assert.That((await Admin.HistoryAsync(IdOf(after["ZY-01"]))).Count, Is.EqualTo(historyBefore));
    }

    [Test]
    public async Task Import_WhenNewRowLacksItsDeadline_Returns422OnThatRowAfterTheRowChecks()
    {
        var inspectionId = await NewInspectionAsync();

        using var response = await Admin.ImportAsync(inspectionId, Csv(Ledger(rows => rows[3][10] = "")));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var error = problem["errors"]!.AsArray().Single()!;
        Assert.That((error["row"]!.GetValue<int>(), error["column"]!.GetValue<string>()), Is.EqualTo((6, "整改时限")));
        Assert.That(await ItemsByCodeAsync(inspectionId), Is.Empty);
    }

    [Test]
    public async Task Import_WhenDryRun_ReportsTheActionsAndWritesNothing()
    {
        var inspectionId = await NewInspectionAsync();
        await Admin.ImportOkAsync(inspectionId, Csv(Ledger(rows => rows.RemoveAt(3))));
        var before = await ItemsByCodeAsync(inspectionId);
        var edited = Csv(Ledger(rows => rows[1][3] = "全面清理养殖粪污"));

        var answer = await Admin.ImportOkAsync(inspectionId, edited, dryRun: true);

        Assert.That(answer["dryRun"]!.GetValue<bool>(), Is.True);
        Assert.That((answer["created"]!.GetValue<int>(), answer["updated"]!.GetValue<int>(), answer["unchanged"]!.GetValue<int>()),
            Is.EqualTo((1, 1, 2)));
        Assert.That(answer["rows"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["action"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("ZY-01", "unchanged"), ("ZY-02", "updated"), ("ZY-03", "unchanged"), ("ZY-04", "created") }));
        var after = await ItemsByCodeAsync(inspectionId);
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
        Assert.That(after["ZY-02"]["version"]!.GetValue<int>(), Is.EqualTo(before["ZY-02"]["version"]!.GetValue<int>()));
        Assert.That(after["ZY-02"]["requirement"], Is.Null);
    }

    [TestCase("ledger.csv")]
    [TestCase("ledger.xlsx")]
    public async Task Import_WhenSameFileAgain_ChangesNothing(string fileName)
    {
        var inspectionId = await NewInspectionAsync();
        var file = fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? Xlsx(Ledger()) : Csv(Ledger());
        await Admin.ImportOkAsync(inspectionId, file, fileName);
        var before = await ItemsByCodeAsync(inspectionId);

        var answer = await Admin.ImportOkAsync(inspectionId, file, fileName);

        Assert.That((answer["created"]!.GetValue<int>(), answer["updated"]!.GetValue<int>(), answer["unchanged"]!.GetValue<int>()),
            Is.EqualTo((0, 0, 4)));
        var after = await ItemsByCodeAsync(inspectionId);
        Assert.That(after.ToDictionary(i => i.Key, i => i.Value["version"]!.GetValue<int>()),
            Is.EqualTo(before.ToDictionary(i => i.Key, i => i.Value["version"]!.GetValue<int>())));
    }

    [Test]
    public async Task Import_WhenOneCellEdited_UpdatesExactlyThatItem()
    {
        var inspectionId = await NewInspectionAsync();
        await Admin.ImportOkAsync(inspectionId, Csv(Ledger()));
        var before = await ItemsByCodeAsync(inspectionId);

        var answer = await Admin.ImportOkAsync(inspectionId, Csv(Ledger(rows => rows[2][10] = "2026-09-30")));

        Assert.That((answer["created"]!.GetValue<int>(), answer["updated"]!.GetValue<int>(), answer["unchanged"]!.GetValue<int>()),
            Is.EqualTo((0, 1, 3)));
        var after = await ItemsByCodeAsync(inspectionId);
        Assert.That(after["ZY-03"]["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-09-30"));
        Assert.That(after["ZY-03"]["version"]!.GetValue<int>(), Is.EqualTo(before["ZY-03"]["version"]!.GetValue<int>() + 1));
        foreach (var code in new[] { "ZY-01", "ZY-02", "ZY-04" })
            Assert.That(after[code]["version"]!.GetValue<int>(), Is.EqualTo(before[code]["version"]!.GetValue<int>()), code);
        Assert.That((await Admin.ActionsAsync(IdOf(after["ZY-03"]))).Last(), Is.EqualTo("updated"));
    }

    [Test]
    public async Task Import_WhenCodeChangedButExternalReferenceKept_UpdatesThatItemWithoutADuplicate()
    {
        var inspectionId = await NewInspectionAsync();
        List<IReadOnlyList<string>> Sheet(string code) =>
        [
            ["问题编号", "问题描述", "牵头单位", "整改时限", "外部编号"],
            [code, "信访反映夜间施工噪声扰民", "县住建局", "2026-08-31", "区信访信息系统/XF-2026-0042"],
        ];
        await Admin.ImportOkAsync(inspectionId, Csv(Sheet("XF-01")));
        var before = (await ItemsByCodeAsync(inspectionId))["XF-01"];

        var answer = await Admin.ImportOkAsync(inspectionId, Csv(Sheet("ZY-99")));

        Assert.That(answer["rows"]!.AsArray().Single()!["action"]!.GetValue<string>(), Is.EqualTo("updated"));
        var items = await ItemsByCodeAsync(inspectionId);
        Assert.That(items.Keys, Is.EqualTo(new[] { "ZY-99" }));
        Assert.That(IdOf(items["ZY-99"]), Is.EqualTo(IdOf(before)));
        Assert.That(items["ZY-99"]["externalRefs"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo("XF-2026-0042"));
    }

    [Test]
    public async Task Import_WhenUnitKeyNamesUnitOutsideItsSubtree_Returns422OnThatCell()
    {
        var inspectionId = await NewInspectionAsync();
        var village = await Admin.CreateUnitAsync("城关镇东村", _town, "other");
        using var townKey = await App.WithScopesAsync(["read", "write", "report"], _town);
        List<IReadOnlyList<string>> ledger =
        [
            ["问题编号", "问题描述", "牵头单位", "配合单位", "整改时限"],
            ["T-01", "村内垃圾乱堆", "城关镇", "城关镇东村", "2026-10-31"],
            ["T-02", "沟渠黑臭", "城关镇", "县水利局", "2026-10-31"],
        ];

        using var refused = await townKey.ImportAsync(inspectionId, Csv(ledger));
        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var error = problem["errors"]!.AsArray().Single()!;
        Assert.That((error["row"]!.GetValue<int>(), error["column"]!.GetValue<string>()), Is.EqualTo((3, "配合单位")));
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain("outside"));

        ledger.RemoveAt(2);
        var answer = await townKey.ImportOkAsync(inspectionId, Csv(ledger));
        Assert.That(answer["created"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Units((await ItemsByCodeAsync(inspectionId))["T-01"]), Is.EqualTo(new[] { (village, "cooperating") }));
    }

    [Test]
    public async Task Import_WhenIdempotencyKeyRepeated_ReplaysTheFirstAnswer()
    {
        var inspectionId = await NewInspectionAsync();
        var key = Guid.NewGuid().ToString();
        var file = Csv(Ledger());

        using var first = await Admin.ImportAsync(inspectionId, file, idempotencyKey: key);
        using var again = await Admin.ImportAsync(inspectionId, file, idempotencyKey: key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await again.BodyAsync())["created"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(await ItemsByCodeAsync(inspectionId), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Import_WhenNoRowNamesKnownColumns_Returns400OnFile()
    {
        var inspectionId = await NewInspectionAsync();

        using var response = await Admin.ImportAsync(inspectionId, Csv([["a", "b"], ["1", "2"]]));

        await response.ValidationProblemAsync("file");
    }
}
