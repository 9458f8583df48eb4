using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// GET /api/v1/items/export: the ledger as the list's filters select it, one row per item under the Chinese headers.
/// The fixture's inspection holds a full item (three more units, two measures, a progress report, a reference) and an
/// overdue one whose title is a formula; a second inspection holds one item of another unit.
/// </summary>
public sealed class ExportTests : ItemTest
{
    private static readonly string[] Headers =
    [
        "序号", "问题编号", "问题标题", "问题描述", "整改要求", "整改目标", "问题类别", "属地", "行业", "方面", "是否重点",
        "牵头单位", "责任单位", "配合单位", "督导单位", "验收单位", "责任人", "联系电话", "整改时限", "时限类型", "整改措施",
        "整改进展", "完成情况", "存在问题", "外部编号",
    ];

    private const string Formula = "=HYPERLINK(\"http://example.org\",\"点击\")";

    private Guid _otherInspection, _otherUnit;
    private string _fullCode = "", _formulaCode = "", _otherCode = "";

    [OneTimeSetUp]
    public async Task ArrangeLedger()
    {
        var township = await Admin.CreateUnitAsync("城关镇人民政府", kind: "township");
        var street = await Admin.CreateUnitAsync("东城街道办事处", kind: "township");
        var cityManagement = await Admin.CreateUnitAsync("区城市管理局");
        var full = Body();
        full["isKey"] = true;
        full["category"] = "solid_waste";
        full["units"] = new JsonArray(
            new JsonObject { ["unitId"] = township, ["role"] = "responsible" },
            new JsonObject { ["unitId"] = street, ["role"] = "responsible" },
            new JsonObject { ["unitId"] = cityManagement, ["role"] = "cooperating" });
        full["deadlineKinds"] = new JsonArray("immediate", "ongoing");
        full["dueDate"] = null;
        full["externalRefs"] = new JsonArray(new JsonObject { ["system"] = "区信访信息系统", ["id"] = "XF-2026-001" });
        var fullId = IdOf(await Admin.CreateItemAsync(full));
        _fullCode = full["code"]!.GetValue<string>();
        await Admin.AddMeasureAsync(fullId, "排查雨污混流点位，建立台账");
        await Admin.AddMeasureAsync(fullId, "完成沿河截污管网建设");
        await Admin.ReportProgressAsync(fullId, "in_progress");

        var formula = Body();
        formula["title"] = Formula;
        formula["dueDate"] = "2026-01-31";
        await Admin.CreateItemAsync(formula);
        _formulaCode = formula["code"]!.GetValue<string>();

        _otherInspection = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("第二轮省生态环境保护督察反馈问题"));
        _otherUnit = await Admin.CreateUnitAsync("区交通运输局");
        var other = Body(inspectionId: _otherInspection, leadUnitId: _otherUnit);
        await Admin.CreateItemAsync(other);
        _otherCode = other["code"]!.GetValue<string>();
    }

    private static string Cell(string[] row, string header) => row[Array.IndexOf(Headers, header)];

    private static IEnumerable<string> Codes(IEnumerable<string[]> rows) => rows.Skip(1).Select(r => Cell(r, "问题编号"));

    [Test]
    public async Task Export_Csv_HasTheChineseHeadersInLedgerOrderAndOneRowPerItem()
    {
        using var response = await Admin.GetAsync($"{ExportFiles.ExportPath}?inspectionId={InspectionId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("ledger-2026-03-15.csv"));

        var rows = await Admin.ExportCsvAsync($"inspectionId={InspectionId}");

        Assert.That(rows[0], Is.EqualTo(Headers));
        Assert.That(Codes(rows), Is.EqualTo(new[] { _fullCode, _formulaCode }));
        Assert.That(rows.Skip(1).Select(r => Cell(r, "序号")), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task Export_Row_ShowsUnitsByNameMeasuresOnePerLineAndTheLedgersWords()
    {
        var row = (await Admin.ExportCsvAsync($"inspectionId={InspectionId}")).Single(r => Cell(r, "问题编号") == _fullCode);

        Assert.Multiple(() =>
        {
            Assert.That(Cell(row, "问题标题"), Is.EqualTo("城区雨污混流管网改造不到位"));
            Assert.That(Cell(row, "问题类别"), Is.EqualTo("固废"));
            Assert.That(Cell(row, "是否重点"), Is.EqualTo("是"));
            Assert.That(Cell(row, "牵头单位"), Is.EqualTo("区住房和城乡建设局"));
            Assert.That(Cell(row, "责任单位").Split('、'), Is.EquivalentTo(new[] { "城关镇人民政府", "东城街道办事处" }));
            Assert.That(Cell(row, "配合单位"), Is.EqualTo("区城市管理局"));
            Assert.That(Cell(row, "督导单位"), Is.Empty);
            Assert.That(Cell(row, "联系电话"), Is.EqualTo("0571-88880000"));
            Assert.That(Cell(row, "整改时限"), Is.Empty);
            Assert.That(Cell(row, "时限类型"), Is.EqualTo("立行立改、长期坚持"));
            Assert.That(Cell(row, "整改措施"), Is.EqualTo("排查雨污混流点位，建立台账\n完成沿河截污管网建设"));
            Assert.That(Cell(row, "整改进展"), Is.EqualTo("已完成大部分管网改造"));
            Assert.That(Cell(row, "完成情况"), Is.EqualTo("正在推进"));
            Assert.That(Cell(row, "外部编号"), Is.EqualTo("区信访信息系统:XF-2026-001"));
        });
        var overdue = (await Admin.ExportCsvAsync($"inspectionId={InspectionId}")).Single(r => Cell(r, "问题编号") == _formulaCode);
        Assert.That(Cell(overdue, "整改时限"), Is.EqualTo("2026-01-31"));
        Assert.That(Cell(overdue, "完成情况"), Is.EqualTo("尚未启动"));
    }

    [Test]
    public async Task Export_FormulaTitle_ComesOutNeutralised()
    {
        var row = (await Admin.ExportCsvAsync($"inspectionId={InspectionId}")).Single(r => Cell(r, "问题编号") == _formulaCode);

        Assert.That(Cell(row, "问题标题"), Is.EqualTo("'" + Formula));
    }

    [Test]
    public async Task Export_WithListFilters_HoldsTheItemsTheListSelects()
    {
        Assert.That(Codes(await Admin.ExportCsvAsync($"inspectionId={InspectionId}&overdue=true")), Is.EqualTo(new[] { _formulaCode }));
        Assert.That(Codes(await Admin.ExportCsvAsync($"inspectionId={_otherInspection}")), Is.EqualTo(new[] { _otherCode }));
        Assert.That(Codes(await Admin.ExportCsvAsync("isKey=true")), Is.EqualTo(new[] { _fullCode }));
        Assert.That(Codes(await Admin.ExportCsvAsync("sort=code")),
            Is.EqualTo(new[] { _fullCode, _formulaCode, _otherCode }.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Export_WithNoItemSelected_HasTheHeadersOnly()
    {
        Assert.That(await Admin.ExportCsvAsync("q=没有这样的问题"), Is.EqualTo(new[] { Headers }));
        Assert.That(await Admin.ExportXlsxAsync("format=xlsx&q=没有这样的问题"), Is.EqualTo(new[] { Headers }));
    }

    [Test]
    public async Task Export_WithUnitKey_HoldsOnlyItsUnitsItems()
    {
        using var key = await App.WithScopesAsync(["read"], _otherUnit);

        Assert.That(Codes(await key.ExportCsvAsync("")), Is.EqualTo(new[] { _otherCode }));
    }

    [Test]
    public async Task Export_Xlsx_HoldsTheCsvsCells()
    {
        using var response = await Admin.GetAsync($"{ExportFiles.ExportPath}?format=xlsx");
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("ledger-2026-03-15.xlsx"));

        var xlsx = await Admin.ExportXlsxAsync("format=xlsx");
        var csv = await Admin.ExportCsvAsync("format=csv");

        Assert.That(xlsx, Is.EqualTo(csv));
        Assert.That(xlsx.Count, Is.EqualTo(4));
    }

    [Test]
    public async Task Export_WithUnknownFormatOrBadFilter_Is400NamingTheParameter()
    {
        using var format = await Admin.GetAsync($"{ExportFiles.ExportPath}?format=pdf");
        using var dates = await Admin.GetAsync($"{ExportFiles.ExportPath}?dueFrom=2026-12-31&dueTo=2026-01-01");

        Assert.That(format.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await format.Content.ReadAsStringAsync(), Does.Contain("\"format\""));
        Assert.That(dates.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await dates.Content.ReadAsStringAsync(), Does.Contain("\"dueTo\""));
    }
}
