using Rectify.Application.Common.Tables;

namespace Rectify.UnitTests.Ledger;

public sealed class FormulaTextTests
{
    [TestCase("=1", "'=1")]
    [TestCase("+1", "'+1")]
    [TestCase("-1", "'-1")]
    [TestCase("@x", "'@x")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "'\rx")]
    [TestCase("整改", "整改")]
    [TestCase("'=1", "''=1")]
    [TestCase("'x", "'x")]
    [TestCase("", "")]
    public void Neutralised_PrefixesTextASpreadsheetWouldRun(string text, string expected) =>
        Assert.That(FormulaText.Neutralised(text), Is.EqualTo(expected));

    [TestCase("=SUM(A1)")]
    [TestCase("-1")]
    [TestCase("'=1")]
    [TestCase("''-1")]
    [TestCase("'plain")]
    [TestCase("plain")]
    [TestCase("'")]
    [TestCase("")]
    public void Restored_UndoesNeutralised(string text) =>
        Assert.That(FormulaText.Restored(FormulaText.Neutralised(text)), Is.EqualTo(text));

    [Test]
    public void Restored_LeavesAnApostropheBeforeOrdinaryText() =>
        Assert.That(FormulaText.Restored("'整改"), Is.EqualTo("'整改"));
}
