using System.Net;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>GET /api/v1/units/{id}.</summary>
public sealed class GetUnitTests : ApiTest
{
    [Test]
    public async Task GetUnit_WhenExists_Returns200WithETag()
    {
        var code = NewCode();
        var created = await Admin.CreateUnitAsync(code, "某某工业园区管委会", "park", contactName: "李四");

        using var response = await Admin.GetAsync(UriOf(created));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        var unit = await response.BodyAsync();
        Assert.That(IdOf(unit), Is.EqualTo(IdOf(created)));
        Assert.That(unit["code"]!.GetValue<string>(), Is.EqualTo(code));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("某某工业园区管委会"));
        Assert.That(unit["kind"]!.GetValue<string>(), Is.EqualTo("park"));
        Assert.That(unit["contactName"]!.GetValue<string>(), Is.EqualTo("李四"));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task GetUnit_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.GetAsync($"{UnitsPath}/{Guid.NewGuid()}");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetUnit_WhenIdIsNotAGuid_Returns404Problem()
    {
        using var response = await Admin.GetAsync($"{UnitsPath}/not-a-guid");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
