using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rectify.BrowserTests.Units;

/// <summary>What a person does in Swagger UI: authorize with a key, then change a unit by hand.</summary>
public sealed class ChangeUnitInSwaggerUiTests : SwaggerUiTest
{
    [Test]
    public async Task UpdateUnit_InSwaggerUiWithAdminKeyAndIfMatchStar_Shows200AndChangesTheName()
    {
        using var created = await Admin.PostAsJsonAsync("/api/v1/units",
            new { code = "U" + Guid.NewGuid().ToString("N")[..8], name = "区生态环境局", kind = "department" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await OpenSwaggerUiAsync();

        await AuthorizeAsync(RectifyServer.AdminKey);
        var operation = await TryOutAsync("PATCH", "/api/v1/units/{id}");
        await operation.Locator("input[placeholder='id']").FillAsync(id);
        await operation.Locator("input[placeholder='If-Match']").FillAsync("*");
        await operation.Locator("textarea.body-param__text").FillAsync("""{"name": "城关街道"}""");
        var status = await ExecuteAsync(operation);

        Assert.That(status, Is.EqualTo("200"));
        var unit = await Admin.GetFromJsonAsync<JsonObject>($"/api/v1/units/{id}");
        Assert.That(unit!["name"]!.GetValue<string>(), Is.EqualTo("城关街道"));
    }

    [Test]
    public async Task ListUnits_InSwaggerUiWithoutAuthorizing_Shows401()
    {
        await OpenSwaggerUiAsync();

        var operation = await TryOutAsync("GET", "/api/v1/units");
        var status = await ExecuteAsync(operation);

        Assert.That(status, Is.EqualTo("401"));
    }
}
