using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Domain.Common;
using Rectify.Infrastructure.Demo;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// The sample ledger samples/ledger.csv (the demo's 50 items across 8 inspections): it imports whole and exports back
/// as it was, and it is what <c>--seed-demo</c> loads through the importer.
/// </summary>
public sealed class ExportSampleLedgerTests : ApiTest
{
    private static readonly byte[] Sample = DemoLedger.SampleLedger();

    private static List<string[]> SampleRows() => ExportFiles.ParseCsv(Encoding.UTF8.GetString(Sample, 3, Sample.Length - 3));

    [Test]
    public async Task SampleLedger_ImportedIntoAnInspection_ExportsBackAsItWas()
    {
        var ids = new Dictionary<string, Guid>();
        foreach (var unit in DemoLedgerData.Units)
        {
            using var response = await Admin.PostAsJsonAsync("/api/v1/units", new
            {
                code = unit.Code, name = unit.Name, kind = Words.Of(unit.Kind), parentId = unit.Parent is { } p ? ids[p] : (Guid?)null,
            });
            ids[unit.Code] = IdOf(await response.BodyAsync());
        }
        var inspectionId = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("XX区生态环境问题整改台账"));

        var result = await Admin.ImportOkAsync(inspectionId, Sample);

        Assert.That(result["created"]!.GetValue<int>(), Is.EqualTo(50), result.ToJsonString());
        Assert.That(await Admin.ExportCsvAsync($"inspectionId={inspectionId}"), Is.EqualTo(SampleRows()));
    }

    [Test]
    public async Task SeedDemo_LoadsTheSampleLedgersItemsThroughTheImporter()
    {
        using var app = new RectifyApp();
        using var admin = app.Admin();
        await using (var scope = app.Services.CreateAsyncScope())
            await DemoLedger.SeedAsync(scope.ServiceProvider, CancellationToken.None);

        var exported = await admin.ExportCsvAsync("");
        var sample = SampleRows();

        // What the demo replays after the import moves on from the sample: due dates (moved to the office's today,
        // then by extensions and recurrences), measures (a recurrence adds one), progress, its summary and obstacles.
        var replayed = new[] { "整改时限", "整改措施", "整改进展", "完成情况", "存在问题" };
        var standing = Enumerable.Range(0, sample[0].Length).Where(i => !replayed.Contains(sample[0][i])).ToList();
        Assert.That(exported, Has.Count.EqualTo(sample.Count));
        Assert.That(exported.Select(r => standing.Select(i => r[i])), Is.EqualTo(sample.Select(r => standing.Select(i => r[i]))));
        var measures = Array.IndexOf(sample[0], "整改措施");
        Assert.That(exported.Skip(1).Zip(sample.Skip(1)), Has.All.Matches<(string[] Exported, string[] Sample)>(
            pair => pair.Exported[measures].StartsWith(pair.Sample[measures], StringComparison.Ordinal)));
    }
}
