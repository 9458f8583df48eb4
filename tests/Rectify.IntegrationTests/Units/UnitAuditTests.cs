using System.Net;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>Every unit change writes a hash-chained audit event; GET /api/v1/audit/verify re-checks the chains.</summary>
public sealed class UnitAuditTests : ApiTest
{
    private async Task<JsonObject> VerifyAsync()
    {
        using var response = await Admin.GetAsync("/api/v1/audit/verify");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    [Test]
    public async Task VerifyAuditTrail_AfterUnitCreatedAndChanged_IsIntactAndCountsBothEvents()
    {
        var checkedBefore = (await VerifyAsync())["eventsChecked"]!.GetValue<long>();
        var unit = await Admin.CreateUnitAsync(NewCode(), "区生态环境局", contactName: "张三");
        using (var response = await Admin.PatchJsonAsync(UriOf(unit), new { name = "区生态环境分局", contactName = (string?)null }, "\"1\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var verification = await VerifyAsync();

        Assert.That(verification["intact"]!.GetValue<bool>(), Is.True, verification.ToJsonString());
        Assert.That(verification["eventsChecked"]!.GetValue<long>(), Is.EqualTo(checkedBefore + 2));
        Assert.That(verification["firstBrokenLink"], Is.Null);
    }

    [Test]
    public async Task VerifyAuditTrail_WhenNothingChanged_WritesNoEvent()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        var checkedBefore = (await VerifyAsync())["eventsChecked"]!.GetValue<long>();

        using (var response = await Admin.PatchJsonAsync(UriOf(unit), new { name = "区生态环境局" }, "\"1\""))
            Assert.That(response.ETag(), Is.EqualTo("\"1\""));

        Assert.That((await VerifyAsync())["eventsChecked"]!.GetValue<long>(), Is.EqualTo(checkedBefore));
    }

    [Test]
    public async Task MoveUnit_WithASubUnit_AuditsTheSubUnitWhoseVersionMoved()
    {
        var parent = await Admin.CreateUnitAsync(NewCode(), "城关镇");
        var child = await Admin.CreateUnitAsync(NewCode(), "城关镇东村", parentId: IdOf(parent));
        var target = await Admin.CreateUnitAsync(NewCode(), "区农业农村局");
        var checkedBefore = (await VerifyAsync())["eventsChecked"]!.GetValue<long>();

        using (var response = await Admin.PatchJsonAsync(UriOf(parent), new { parentId = IdOf(target) }, "\"1\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var (_, childETag) = await Admin.GetUnitAsync(UriOf(child));
        Assert.That(childETag, Is.EqualTo("\"2\""));
        Assert.That((await VerifyAsync())["eventsChecked"]!.GetValue<long>(), Is.EqualTo(checkedBefore + 2),
            "one event for the moved unit and one for the sub-unit whose version moved");
    }
}
