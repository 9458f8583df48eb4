using System.Text;
using MiniExcelLibs;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Reports;

namespace Rectify.UnitTests.Reports;

public sealed class ReportRendererTests
{
    private readonly ReportRenderer _renderer = new();

    private static ReportDocument Document() => new()
    {
        Kind = ReportKind.Overdue,
        AsOf = new DateOnly(2026, 11, 28),
        GeneratedAt = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
        Scope = new ReportScope(null, null),
        Figures = new Dictionary<string, object?> { ["overdue"] = 2, ["rate"] = 85.7m, ["since"] = new DateOnly(2026, 11, 21) },
        Sections =
        [
            new ReportSection("overdue", "逾期问题", [new("code", "问题编号"), new("title", "问题"), new("days", "逾期天数"), new("rate", "完成率")],
                new object?[][]
                {
                    ["A-1", "=SUM(A1:A2)", 3, 50.0m],
                    ["A-2", "含,逗号和\"引号\"", -2, null],
                    ["A-3", "@cmd", 0, 100m],
                }.ToAsyncEnumerable()),
            new ReportSection("units", "单位小计", [new("unit", "单位")], new object?[][] { ["区水利局"] }.ToAsyncEnumerable()),
        ],
    };

    private async Task<string> CsvAsync(ReportDocument document)
    {
        using var output = new MemoryStream();
        await _renderer.WriteAsync(document, ReportFormat.Csv, output, CancellationToken.None);
        var bytes = output.ToArray();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    [Test]
    public async Task Csv_QuotesAsRfc4180AndNeutralisesFormulaText()
    {
        var csv = await CsvAsync(Document());

        Assert.That(csv, Is.EqualTo(
            "逾期问题\r\n问题编号,问题,逾期天数,完成率\r\n" +
            "A-1,'=SUM(A1:A2),3,50.0\r\n" +
            "A-2,\"含,逗号和\"\"引号\"\"\",-2,\r\n" +
            "A-3,'@cmd,0,100\r\n" +
            "\r\n单位小计\r\n单位\r\n区水利局\r\n"), "numbers, negative ones too, are not text and stay as they are");
    }

    [Test]
    public async Task ReadJson_OfWrittenJson_RendersTheSameCsv()
    {
        using var json = new MemoryStream();
        await _renderer.WriteAsync(Document(), ReportFormat.Json, json, CancellationToken.None);
        json.Position = 0;

        var readBack = await _renderer.ReadJsonAsync(json, CancellationToken.None);

        Assert.That(await CsvAsync(readBack), Is.EqualTo(await CsvAsync(Document())));
        Assert.That(readBack.Figures, Is.EqualTo(new Dictionary<string, object?> { ["overdue"] = 2L, ["rate"] = 85.7m, ["since"] = "2026-11-21" }));
        Assert.That((readBack.Kind, readBack.AsOf), Is.EqualTo((ReportKind.Overdue, new DateOnly(2026, 11, 28))));
    }

    [Test]
    public async Task Xlsx_HasASheetPerSectionWithChineseHeadersEvenWhenEmpty()
    {
        var document = Document() with
        {
            Sections =
            [
                Document().Sections[0],
                new ReportSection("dueSoon", "即将到期问题", [new("code", "问题编号"), new("days", "剩余天数")],
                    Array.Empty<object?[]>().ToAsyncEnumerable()),
            ],
        };
        using var output = new MemoryStream();

        await _renderer.WriteAsync(document, ReportFormat.Xlsx, output, CancellationToken.None);

        Assert.That(MiniExcel.GetSheetNames(output), Is.EqualTo(new[] { "逾期问题", "即将到期问题" }));
        var overdue = MiniExcel.Query(output, useHeaderRow: true, sheetName: "逾期问题").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(overdue.Select(r => (r["问题编号"], r["问题"], Convert.ToInt32(r["逾期天数"]))),
            Is.EqualTo(new[] { ((object?)"A-1", (object?)"'=SUM(A1:A2)", 3), ("A-2", "含,逗号和\"引号\"", -2), ("A-3", "'@cmd", 0) }));
        var empty = MiniExcel.Query(output, useHeaderRow: false, sheetName: "即将到期问题").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(empty.Single().Values, Is.EqualTo(new object?[] { "问题编号", "剩余天数" }), "the headers and no rows");
    }
}
