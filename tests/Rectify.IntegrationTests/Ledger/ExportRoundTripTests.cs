using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// Export → import: an exported ledger imported into the inspection it came from changes nothing, and imported into a
/// fresh database (the same units and an inspection) recreates the same items. The ledger holds an item with every
/// column filled and items whose title, description and phone a spreadsheet would take for formulas.
/// </summary>
public sealed class ExportRoundTripTests : ItemTest
{
    private static readonly string[] UnitNames = ["城关镇人民政府", "东城街道办事处", "区城市管理局"];

    [OneTimeSetUp]
    public async Task ArrangeLedger()
    {
        var units = new List<Guid>();
        foreach (var name in UnitNames)
            units.Add(await Admin.CreateUnitAsync(name));
        var full = Body();
        full["isKey"] = true;
        full["category"] = "solid_waste";
        full["aspect"] = "一、贯彻落实党的路线方针政策方面";
        full["units"] = new JsonArray(
            new JsonObject { ["unitId"] = units[0], ["role"] = "responsible" },
            new JsonObject { ["unitId"] = units[1], ["role"] = "responsible" },
            new JsonObject { ["unitId"] = units[2], ["role"] = "supervising" });
        full["deadlineKinds"] = new JsonArray("immediate", "by_date", "ongoing");
        full["externalRefs"] = new JsonArray(new JsonObject { ["system"] = "区信访信息系统", ["id"] = "XF-2026-001" });
        var fullId = IdOf(await Admin.CreateItemAsync(full));
        await Admin.AddMeasureAsync(fullId, "排查雨污混流点位，建立台账");
        await Admin.AddMeasureAsync(fullId, "完成沿河截污管网建设");
        await Admin.ReportProgressAsync(fullId, "in_progress");

        var formulas = Body();
        formulas["title"] = "=HYPERLINK(\"http://example.org\",\"点击\")";
        formulas["description"] = "-3处排口未封堵";
        formulas["responsiblePhone"] = "+86 571 8888 0000";
        formulas["dueDate"] = "2026-01-31";
        await Admin.CreateItemAsync(formulas);

        var apostrophe = Body();
        apostrophe["title"] = "'=1 写法的标题";
        apostrophe["requirement"] = null;
        apostrophe["deadlineKinds"] = new JsonArray("ongoing");
        apostrophe["dueDate"] = null;
        await Admin.CreateItemAsync(apostrophe);
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task ExportThenImport_IntoTheSameInspection_ChangesNothing(string format)
    {
        var before = await ItemsAsync(Admin, InspectionId);
        var file = await Admin.ExportBytesAsync($"inspectionId={InspectionId}&format={format}");

        var result = await Admin.ImportOkAsync(InspectionId, file, $"ledger.{format}");

        Assert.That(result["created"]!.GetValue<int>(), Is.Zero, result.ToJsonString());
        Assert.That(result["updated"]!.GetValue<int>(), Is.Zero, result.ToJsonString());
        Assert.That(result["unchanged"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That((await ItemsAsync(Admin, InspectionId)).ToJsonString(), Is.EqualTo(before.ToJsonString()),
            "no new versions");
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task ExportThenImport_IntoAFreshDatabase_RecreatesTheItems(string format)
    {
        var file = await Admin.ExportBytesAsync($"inspectionId={InspectionId}&format={format}");
        using var fresh = new RectifyApp();
        using var admin = fresh.Admin();
        await admin.CreateUnitAsync("区住房和城乡建设局");
        foreach (var name in UnitNames)
            await admin.CreateUnitAsync(name);
        var inspectionId = InspectionApi.InspectionId(await admin.CreateInspectionAsync("中央第三生态环境保护督察组反馈问题",
            signOffSteps: Steps));

        var result = await admin.ImportOkAsync(inspectionId, file, $"ledger.{format}");

        Assert.That(result["created"]!.GetValue<int>(), Is.EqualTo(3), result.ToJsonString());
        Assert.That((await ComparableAsync(admin, inspectionId)).ToJsonString(),
            Is.EqualTo((await ComparableAsync(Admin, InspectionId)).ToJsonString()));
        Assert.That(await admin.ExportCsvAsync($"inspectionId={inspectionId}"),
            Is.EqualTo(await Admin.ExportCsvAsync($"inspectionId={InspectionId}")));
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, Guid inspectionId)
    {
        using var response = await client.GetAsync($"/api/v1/items?inspectionId={inspectionId}&sort=code&limit=200");
        return (await response.BodyAsync())["items"]!.AsArray();
    }

    /// <summary>
    /// The items as GET shows them, without what a new database gives anew (ids, instants, versions; units by name, in name order) and
    /// without the schedule assessment (序时推进 …), which has no ledger column.
    /// </summary>
    private static async Task<JsonArray> ComparableAsync(HttpClient client, Guid inspectionId)
    {
        using var unitsResponse = await client.GetAsync("/api/v1/units?limit=200");
        var names = (await unitsResponse.BodyAsync())["items"]!.AsArray()
            .ToDictionary(u => u!["id"]!.GetValue<string>(), u => u!["name"]!.GetValue<string>());
        var items = await ItemsAsync(client, inspectionId);
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            foreach (var name in new[] { "id", "inspectionId", "createdAt", "updatedAt", "completedAt", "signedOffAt", "version", "scheduleStatus" })
                item.Remove(name);
            item["leadUnitId"] = names[item["leadUnitId"]!.GetValue<string>()];
            var units = item["units"]!.AsArray().Select(u => new JsonObject
            {
                ["unitId"] = names[u!["unitId"]!.GetValue<string>()], ["role"] = u["role"]!.GetValue<string>(),
            }).OrderBy(u => u["role"]!.GetValue<string>(), StringComparer.Ordinal)
                .ThenBy(u => u["unitId"]!.GetValue<string>(), StringComparer.Ordinal);
            item["units"] = new JsonArray([.. units]);
        }
        return items;
    }
}
