using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// Quantitative progress (雨污混流 12.5 公里, 已完成 3 公里): target and done quantities are decimals, and whole and
/// fractional amounts must both read back, whichever was read first.
/// </summary>
public sealed class QuantityTests : ItemTest
{
    private async Task<Guid> InspectionAsync() =>
        InspectionApi.InspectionId(await Admin.CreateInspectionAsync($"督察来源{NewCode("I")}"));

    private async Task<Guid> ItemWithTargetAsync(Guid inspectionId, decimal target)
    {
        var body = Body(inspectionId: inspectionId);
        body["quantity"] = new JsonObject { ["target"] = target, ["unit"] = "公里" };
        return IdOf(await Admin.CreateItemAsync(body));
    }

    private async Task ReportDoneAsync(Guid itemId, decimal quantityDone, string reportedOn)
    {
        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn, summary = "推进中", progressStatus = "in_progress", quantityDone });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task GetItem_WithAWholeAndWithAFractionalTarget_ReadsBothBack()
    {
        var inspection = await InspectionAsync();
        var fractional = await ItemWithTargetAsync(inspection, 12.5m);
        var whole = await ItemWithTargetAsync(inspection, 12m);

        var (first, _) = await Admin.GetItemAsync(fractional);
        var (second, _) = await Admin.GetItemAsync(whole);

        Assert.That(first["quantity"]!["target"]!.GetValue<decimal>(), Is.EqualTo(12.5m));
        Assert.That(second["quantity"]!["target"]!.GetValue<decimal>(), Is.EqualTo(12m));
    }

    [Test]
    public async Task ListItems_WithWholeAndFractionalTargetsOnOnePage_ListsBoth()
    {
        var inspection = await InspectionAsync();
        var fractional = await ItemWithTargetAsync(inspection, 3.2m);
        var whole = await ItemWithTargetAsync(inspection, 5m);

        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspection}");

        Assert.That(InspectionApi.IdsIn(page), Is.EqualTo(new[] { fractional, whole }));
        Assert.That(page["items"]!.AsArray().Select(i => i!["quantity"]!["target"]!.GetValue<decimal>()), Is.EqualTo(new[] { 3.2m, 5m }));
    }

    [Test]
    public async Task ListProgress_WithWholeAndFractionalQuantitiesDone_ListsBothAndTheItemKeepsTheLatest()
    {
        var itemId = await ItemWithTargetAsync(await InspectionAsync(), 12m);
        await ReportDoneAsync(itemId, 2.5m, "2026-03-01");
        await ReportDoneAsync(itemId, 3m, "2026-03-08");

        var reports = (await Admin.GetListAsync($"{ItemUri(itemId)}/progress"))["items"]!.AsArray();
        var (item, _) = await Admin.GetItemAsync(itemId);

        Assert.That(reports.Select(r => r!["quantityDone"]!.GetValue<decimal>()), Is.EqualTo(new[] { 2.5m, 3m }));
        Assert.That(item["quantity"]!["done"]!.GetValue<decimal>(), Is.EqualTo(3m));
    }
}
