using System.Net;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>DELETE /api/v1/units/{id}: units are deactivated, never removed.</summary>
public sealed class DeactivateUnitTests : ApiTest
{
    [Test]
    public async Task DeactivateUnit_WithIfMatch_Returns200InactiveAndUnitStaysReadable()
    {
        var created = await Admin.CreateUnitAsync(NewCode());

        using var response = await Admin.DeleteAsync(UriOf(created), "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        Assert.That((await response.BodyAsync())["active"]!.GetValue<bool>(), Is.False);
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.False);
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(etag, Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task DeactivateUnit_WhenDone_ListedOnlyAmongInactiveUnits()
    {
        var created = await Admin.CreateUnitAsync(NewCode());
        using (var response = await Admin.DeleteAsync(UriOf(created), "\"1\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var inactive = await Admin.GetPageAsync($"{UnitsPath}?active=false&limit=200");
        var active = await Admin.GetPageAsync($"{UnitsPath}?active=true&limit=200");

        Assert.That(IdsOf(inactive), Does.Contain(IdOf(created)));
        Assert.That(IdsOf(active), Does.Not.Contain(IdOf(created)));
    }

    [Test]
    public async Task DeactivateUnit_WithIfMatchStar_Returns200()
    {
        var created = await Admin.CreateUnitAsync(NewCode());

        using var response = await Admin.DeleteAsync(UriOf(created), "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["active"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task DeactivateUnit_WithoutIfMatch_Returns428AndUnitStaysActive()
    {
        var created = await Admin.CreateUnitAsync(NewCode());

        using var response = await Admin.DeleteAsync(UriOf(created), ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.True);
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task DeactivateUnit_WithStaleIfMatch_Returns412AndUnitStaysActive()
    {
        var created = await Admin.CreateUnitAsync(NewCode());
        using (var renamed = await Admin.PatchJsonAsync(UriOf(created), new { name = "改名" }, "\"1\""))
            Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.DeleteAsync(UriOf(created), "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.True);
        Assert.That(etag, Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task DeactivateUnit_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.DeleteAsync($"{UnitsPath}/{Guid.NewGuid()}", "\"1\"");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ReactivateUnit_WithActiveTrue_Returns200Active()
    {
        var created = await Admin.CreateUnitAsync(NewCode());
        using (var deactivated = await Admin.DeleteAsync(UriOf(created), "\"1\""))
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { active = true }, "\"2\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.True);
        Assert.That(etag, Is.EqualTo("\"3\""));
    }
}
