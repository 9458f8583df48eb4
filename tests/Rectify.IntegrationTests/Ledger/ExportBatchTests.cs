using Rectify.IntegrationTests.Items;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>The export reads 500 items at a time: a ledger of several batches comes out whole, each item once, in order.</summary>
public sealed class ExportBatchTests : ItemTest
{
    private const int Items = 1001;

    [OneTimeSetUp]
    public async Task ArrangeLedger()
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "问题编号", "问题标题", "牵头单位", "整改时限" } };
        rows.AddRange(Enumerable.Range(1, Items).Select(n => new[] { $"P-{n:D4}", $"问题{n}", "区住房和城乡建设局", "2026-12-31" }));
        await Admin.ImportOkAsync(InspectionId, LedgerApi.Csv(rows));
    }

    [TestCase("created")]
    [TestCase("code")]
    [TestCase("due_date")]
    public async Task Export_OfSeveralBatches_HoldsEveryItemOnceInTheListsOrder(string sort)
    {
        var rows = await Admin.ExportCsvAsync($"inspectionId={InspectionId}&sort={sort}");

        Assert.That(rows.Skip(1).Select(r => r[1]), Is.EqualTo(Enumerable.Range(1, Items).Select(n => $"P-{n:D4}")));
    }
}
