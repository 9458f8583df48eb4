using Rectify.Application.Ledger;
using Rectify.Domain.Items;

namespace Rectify.UnitTests.Ledger;

public sealed class LedgerValuesTests
{
    [TestCase("2024-12-31", 2024, 12, 31)]
    [TestCase("2024/6/30", 2024, 6, 30)]
    [TestCase("2024.12.31", 2024, 12, 31)]
    [TestCase("2024年12月31日", 2024, 12, 31)]
    [TestCase("2024年3月5", 2024, 3, 5)]
    [TestCase(" 2024 年 9 月 1 日 ", 2024, 9, 1)]
    [TestCase("2024-12-31 00:00:00", 2024, 12, 31)]
    [TestCase("2024年底", 2024, 12, 31)]
    [TestCase("2024年年底", 2024, 12, 31)]
    [TestCase("2025年底前", 2025, 12, 31)]
    [TestCase("年底前", 2026, 12, 31)]
    [TestCase("年底", 2026, 12, 31)]
    public void Date_WhenWrittenAsOfficesWriteIt_ReadsTheDay(string cell, int year, int month, int day) =>
        Assert.That(LedgerValues.Date(cell, 2026), Is.EqualTo(new DateOnly(year, month, day)));

    [TestCase("2024年13月1日")]
    [TestCase("2024-02-30")]
    [TestCase("12/31/2024")]
    [TestCase("尽快")]
    [TestCase("2024")]
    [TestCase("长期坚持")]
    public void Date_WhenNotADate_IsNull(string cell) => Assert.That(LedgerValues.Date(cell, 2026), Is.Null);

    [Test]
    public void List_WhenMixedSeparators_SplitsAndTrims() =>
        Assert.That(LedgerValues.List("县水利局、城关镇；县生态环境局, 县住建局，县农业农村局;\n 区林业局 \r\n"),
            Is.EqualTo(new[] { "县水利局", "城关镇", "县生态环境局", "县住建局", "县农业农村局", "区林业局" }));

    [Test]
    public void Measures_WhenNumberedLines_OneMeasurePerLineWithoutNumbering() =>
        Assert.That(LedgerValues.Measures("1.制定整改方案\n2、完成设施改造\r\n（3）开展复查\n(4) 建立台账\n①清理粪污\n\n  落实长效机制  \n10．年度复核"),
            Is.EqualTo(new[] { "制定整改方案", "完成设施改造", "开展复查", "建立台账", "清理粪污", "落实长效机制", "年度复核" }));

    [Test]
    public void Measures_WhenTextStartsWithAYear_KeepsIt() =>
        Assert.That(LedgerValues.Measures("2024年底前完成改造"), Is.EqualTo(new[] { "2024年底前完成改造" }));

    [TestCase("县城污水处理厂超负荷运行，部分污水溢流入河。", "县城污水处理厂超负荷运行")]
    [TestCase("扬尘管控不到位;渣土车抛洒", "扬尘管控不到位")]
    [TestCase("河道采砂管理混乱。", "河道采砂管理混乱")]
    [TestCase("养殖场粪污直排\n周边水体发黑", "养殖场粪污直排")]
    [TestCase("  无标点的描述  ", "无标点的描述")]
    public void TitleFrom_TakesTheFirstClause(string description, string title) =>
        Assert.That(LedgerValues.TitleFrom(description, 500), Is.EqualTo(title));

    [Test]
    public void TitleFrom_WhenClauseLongerThanTheTitle_CutsIt() =>
        Assert.That(LedgerValues.TitleFrom(new string('污', 30) + "。后文", 10), Is.EqualTo(new string('污', 10)));

    [TestCase("已完成整改", ProgressStatus.Completed)]
    [TestCase("已完成", ProgressStatus.Completed)]
    [TestCase("基本完成", ProgressStatus.BasicallyCompleted)]
    [TestCase("正在推进", ProgressStatus.InProgress)]
    [TestCase("推进中", ProgressStatus.InProgress)]
    [TestCase(" 尚未启动 ", ProgressStatus.NotStarted)]
    [TestCase("in_progress", ProgressStatus.InProgress)]
    public void Progress_WhenAProgressWord_IsItsStatus(string cell, ProgressStatus status) =>
        Assert.That(LedgerValues.Progress(cell), Is.EqualTo(status));

    [Test]
    public void Progress_WhenNotAProgressWord_IsNull() => Assert.That(LedgerValues.Progress("差不多了"), Is.Null);

    [TestCase("是", true)]
    [TestCase("Y", true)]
    [TestCase("true", true)]
    [TestCase("否", false)]
    [TestCase("n", false)]
    [TestCase("FALSE", false)]
    [TestCase("也许", null)]
    public void YesNo_ReadsTheWordsOfficesUse(string cell, bool? value) => Assert.That(LedgerValues.YesNo(cell), Is.EqualTo(value));

    [Test]
    public void DeadlineKinds_WhenSeveral_ReadsEachOnceInOrder() =>
        Assert.That(LedgerValues.DeadlineKinds("长期坚持、立行立改，立行立改"),
            Is.EqualTo(new[] { DeadlineKind.Immediate, DeadlineKind.Ongoing }));

    [Test]
    public void DeadlineKinds_WhenAnEntryIsNotAKind_IsNull() => Assert.That(LedgerValues.DeadlineKinds("立行立改、尽快"), Is.Null);

    [TestCase("大气", ItemCategory.Air)]
    [TestCase("固体废物", ItemCategory.SolidWaste)]
    [TestCase("solid_waste", ItemCategory.SolidWaste)]
    [TestCase("其他", ItemCategory.Other)]
    public void Category_ReadsChineseAndApiWords(string cell, ItemCategory category) =>
        Assert.That(LedgerValues.Category(cell), Is.EqualTo(category));

    [Test]
    public void ExternalRefs_ReadsSystemSlashIdPerLine() =>
        Assert.That(LedgerValues.ExternalRefs("区信访信息系统/XF-2024-001\n省督察平台：SD-9"),
            Is.EqualTo(new[] { ("区信访信息系统", "XF-2024-001"), ("省督察平台", "SD-9") }));

    [Test]
    public void ExternalRefs_WhenAnEntryLacksItsSystem_IsNull() => Assert.That(LedgerValues.ExternalRefs("XF-2024-001"), Is.Null);
}
