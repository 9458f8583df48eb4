using System.Net;
using System.Net.Http.Json;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Auth;

/// <summary>X-Api-Key authentication and the scope each route needs.</summary>
public sealed class ApiKeyTests : ApiTest
{
    private static HttpRequestMessage Request(string method, string uri)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method is "POST" or "PATCH")
            request.Content = JsonContent.Create(new { code = NewCode(), name = "区水利局", kind = "department" });
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return request;
    }

    private static IEnumerable<TestCaseData> ProtectedRoutes()
    {
        // A fixed id keeps the test names stable between discovery and execution.
        const string id = "01a20000-0000-7000-8000-000000000001";
        yield return new TestCaseData("GET", "/api/v1/units");
        yield return new TestCaseData("POST", "/api/v1/units");
        yield return new TestCaseData("GET", $"/api/v1/units/{id}");
        yield return new TestCaseData("PATCH", $"/api/v1/units/{id}");
        yield return new TestCaseData("DELETE", $"/api/v1/units/{id}");
        yield return new TestCaseData("GET", "/api/v1/clients");
        yield return new TestCaseData("POST", "/api/v1/clients");
        yield return new TestCaseData("GET", "/api/v1/audit/verify");
    }

    [TestCaseSource(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_WithoutKey_Returns401ProblemWithWwwAuthenticate(string method, string uri)
    {
        using var anonymous = App.Anonymous();
        using var request = Request(method, uri);

        using var response = await anonymous.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("X-Api-Key"));
    }

    [TestCaseSource(nameof(ProtectedRoutes))]
    public async Task ProtectedRoute_WithUnknownKey_Returns401Problem(string method, string uri)
    {
        using var stranger = App.WithKey("rk_this_key_was_never_issued_0000000000");
        using var request = Request(method, uri);

        using var response = await stranger.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }

    [Test]
    public async Task CreateUnit_WithoutKey_CreatesNothing()
    {
        using var anonymous = App.Anonymous();
        var code = NewCode();

        using var response = await anonymous.PostAsJsonAsync(UnitsPath, new { code, name = "区水利局", kind = "department" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        var page = await Admin.GetPageAsync($"{UnitsPath}?q={code}");
        Assert.That(ItemsOf(page), Is.Empty);
    }

    [Test]
    public async Task ReadKey_WhenListingAndGettingUnits_Returns200()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        using var reader = await App.WithScopesAsync(["read"]);

        var page = await reader.GetPageAsync($"{UnitsPath}?limit=200");
        var (got, etag) = await reader.GetUnitAsync(UriOf(unit));

        Assert.That(IdsOf(page), Does.Contain(IdOf(unit)));
        Assert.That(IdOf(got), Is.EqualTo(IdOf(unit)));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task ReadKey_WhenCreatingUnit_Returns403ProblemAndCreatesNothing()
    {
        using var reader = await App.WithScopesAsync(["read"]);
        var code = NewCode();

        using var response = await reader.PostAsJsonAsync(UnitsPath, new { code, name = "区水利局", kind = "department" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var page = await Admin.GetPageAsync($"{UnitsPath}?q={code}");
        Assert.That(ItemsOf(page), Is.Empty);
    }

    [Test]
    public async Task ReadKey_WhenChangingUnit_Returns403ProblemAndChangesNothing()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.PatchJsonAsync(UriOf(unit), new { name = "改名" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var (stored, etag) = await Admin.GetUnitAsync(UriOf(unit));
        Assert.That(stored["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task ReadKey_WhenDeactivatingUnit_Returns403ProblemAndUnitStaysActive()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.DeleteAsync(UriOf(unit), "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var (stored, _) = await Admin.GetUnitAsync(UriOf(unit));
        Assert.That(stored["active"]!.GetValue<bool>(), Is.True);
    }

    [TestCase("/api/v1/clients")]
    [TestCase("/api/v1/audit/verify")]
    public async Task ReadKey_WhenCallingAdminRoute_Returns403Problem(string uri)
    {
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.GetAsync(uri);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("write")]
    [TestCase("report")]
    [TestCase("review")]
    public async Task NonAdminKey_WhenCreatingUnit_Returns403Problem(string scope)
    {
        using var client = await App.WithScopesAsync([scope]);

        using var response = await client.PostAsJsonAsync(UnitsPath, new { code = NewCode(), name = "区水利局", kind = "department" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("/api/v1/units")]
    [TestCase("/api/v1/clients")]
    [TestCase("/api/v1/audit/verify")]
    public async Task AdminKey_WhenReadingAnyRoute_Returns200(string uri)
    {
        using var response = await Admin.GetAsync(uri);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task IssuedAdminKey_WhenCreatingUnit_Returns201()
    {
        using var admin = await App.WithScopesAsync(["admin"]);

        using var response = await admin.PostAsJsonAsync(UnitsPath, new { code = NewCode(), name = "区水利局", kind = "department" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
