using Rectify.Infrastructure.Ledger;

namespace Rectify.UnitTests.Ledger;

public sealed class CsvRowsTests
{
    private static List<string[]> Parse(string text) => CsvRows.Parse(text).Select(r => r.ToArray()).ToList();

    [Test]
    public void Parse_WhenPlainRows_SplitsOnCommasAndLineEnds() =>
        Assert.That(Parse("a,b,c\r\n1,2,3\n4,,6"), Is.EqualTo(new[] { new[] { "a", "b", "c" }, ["1", "2", "3"], ["4", "", "6"] }));

    [Test]
    public void Parse_WhenQuotedCells_KeepsCommasLineBreaksAndDoubledQuotes() =>
        Assert.That(Parse("编号,措施\r\nZY-01,\"1.制定方案，明确责任\r\n2.完成\"\"改造\"\"\"\r\nZY-02,\"\"\r\n"),
            Is.EqualTo(new[] { new[] { "编号", "措施" }, ["ZY-01", "1.制定方案，明确责任\r\n2.完成\"改造\""], ["ZY-02", ""] }));

    [Test]
    public void Parse_WhenLastLineHasNoLineEnd_KeepsIt() =>
        Assert.That(Parse("a\r\nb"), Is.EqualTo(new[] { new[] { "a" }, ["b"] }));

    [Test]
    public void Parse_WhenTrailingLineEnd_AddsNoEmptyRow() => Assert.That(Parse("a,b\r\n"), Has.Count.EqualTo(1));

    [Test]
    public void Parse_WhenEmptyLineBetween_KeepsItAsARowSoRowNumbersMatchTheFile() =>
        Assert.That(Parse("a\n\nb"), Is.EqualTo(new[] { new[] { "a" }, [""], ["b"] }));

    [Test]
    public void Parse_WhenQuoteInsideUnquotedCell_KeepsItAsText() =>
        Assert.That(Parse("5\"管,b"), Is.EqualTo(new[] { new[] { "5\"管", "b" } }));

    [Test]
    public void Parse_WhenOnlyCarriageReturns_EndsRowsThere() =>
        Assert.That(Parse("a\rb"), Is.EqualTo(new[] { new[] { "a" }, ["b"] }));
}
