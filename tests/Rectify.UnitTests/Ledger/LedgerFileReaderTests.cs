using System.Text;
using FluentValidation;
using Rectify.Infrastructure.Ledger;

namespace Rectify.UnitTests.Ledger;

public sealed class LedgerFileReaderTests
{
    private const string Ledger = "XX县整改台账\r\n问题编号,问题描述\r\nZY-01,\"污水直排，\r\n河道发黑\"\r\n";

    private static readonly string[][] Expected = [["XX县整改台账"], ["问题编号", "问题描述"], ["ZY-01", "污水直排，\r\n河道发黑"]];

    private static string[][] Read(byte[] content) =>
        new LedgerFileReader().Read(content, "ledger.csv").Select(r => r.Cells.ToArray()).ToArray();

    [Test]
    public void Read_WhenUtf8WithBom_DropsTheBom() =>
        Assert.That(Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Ledger)]), Is.EqualTo(Expected));

    [Test]
    public void Read_WhenUtf8WithoutBom_ReadsIt() => Assert.That(Read(Encoding.UTF8.GetBytes(Ledger)), Is.EqualTo(Expected));

    [Test]
    public void Read_WhenGb18030AsChineseExcelSavesCsv_ReadsTheChinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        Assert.That(Read(Encoding.GetEncoding("GB18030").GetBytes(Ledger)), Is.EqualTo(Expected));
    }

    [Test]
    public void Read_NumbersRowsAsTheFileDoes() =>
        Assert.That(new LedgerFileReader().Read(Encoding.UTF8.GetBytes(Ledger), null).Select(r => r.Number), Is.EqualTo(new[] { 1, 2, 3 }));

    [Test]
    public void Read_WhenZipButNotAWorkbook_IsA400OnFile() =>
        Assert.That(() => new LedgerFileReader().Read([0x50, 0x4B, 0x03, 0x04, 0, 0, 0], "x.xlsx"),
            Throws.InstanceOf<ValidationException>().With.Message.Contains("file"));
}
