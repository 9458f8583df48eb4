using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Clients;

/// <summary>POST/GET /api/v1/clients: API keys are shown once and only their hashes are kept.</summary>
public sealed class ClientEndpointsTests : ApiTest
{
    private const string Clients = "/api/v1/clients";

    private async Task<HttpResponseMessage> PostAsync(object body) => await Admin.PostAsJsonAsync(Clients, body);

    private async Task<JsonObject> CreateClientAsync(string[] scopes, Guid? unitId = null)
    {
        using var response = await PostAsync(new { name = $"接口客户端 {NewCode()}", scopes, unitId });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private async Task<List<JsonObject>> ListAllAsync()
    {
        var clients = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await Admin.GetPageAsync(cursor is null ? $"{Clients}?limit=200" : $"{Clients}?limit=200&cursor={cursor}");
            clients.AddRange(ItemsOf(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return clients;
    }

    [Test]
    public async Task CreateClient_WhenValid_Returns201WithKey()
    {
        var name = $"市生态环境局数据对接 {NewCode()}";

        using var response = await PostAsync(new { name, scopes = new[] { "read", "write" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Clients}/{body["id"]}"));
        Assert.That(body["key"]!.GetValue<string>(), Does.StartWith("rk_").And.Length.GreaterThanOrEqualTo(32));
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(body["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "write" }));
        Assert.That(body["unitId"], Is.Null);
    }

    [Test]
    public async Task CreateClient_Twice_IssuesDifferentKeys()
    {
        var first = await CreateClientAsync(["read"]);
        var second = await CreateClientAsync(["read"]);

        Assert.That(first["key"]!.GetValue<string>(), Is.Not.EqualTo(second["key"]!.GetValue<string>()));
    }

    [Test]
    public async Task IssuedKey_WhenUsedWithinItsScope_IsAccepted()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        var created = await CreateClientAsync(["read"]);
        using var client = App.WithKey(created["key"]!.GetValue<string>());

        var (got, _) = await client.GetUnitAsync(UriOf(unit));

        Assert.That(IdOf(got), Is.EqualTo(IdOf(unit)));
    }

    [Test]
    public async Task IssuedKey_WhenUsedBeyondItsScope_Returns403Problem()
    {
        var created = await CreateClientAsync(["read"]);
        using var client = App.WithKey(created["key"]!.GetValue<string>());

        using var response = await client.PostAsJsonAsync(UnitsPath, new { code = NewCode(), name = "区水利局", kind = "department" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ListClients_AfterCreate_ListsTheClientWithoutItsKey()
    {
        var created = await CreateClientAsync(["read", "report"]);
        var key = created["key"]!.GetValue<string>();

        using var response = await Admin.GetAsync($"{Clients}?limit=200");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.That(raw, Does.Not.Contain(key));
        var all = await ListAllAsync();
        var listed = all.Single(client => IdOf(client) == IdOf(created));
        Assert.That(listed["name"]!.GetValue<string>(), Is.EqualTo(created["name"]!.GetValue<string>()));
        Assert.That(listed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "report" }));
        Assert.That(listed["active"]!.GetValue<bool>(), Is.True);
        Assert.That(all.Select(client => client.ContainsKey("key")), Is.All.False);
        Assert.That(all.Select(client => client.ToJsonString()), Has.None.Contain(key));
    }

    [Test]
    public async Task CreateClient_WhenBoundToKnownUnit_Returns201WithUnitId()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());

        var created = await CreateClientAsync(["read"], IdOf(unit));

        Assert.That(created["unitId"]!.GetValue<Guid>(), Is.EqualTo(IdOf(unit)));
        var listed = (await ListAllAsync()).Single(client => IdOf(client) == IdOf(created));
        Assert.That(listed["unitId"]!.GetValue<Guid>(), Is.EqualTo(IdOf(unit)));
    }

    [TestCase(new[] { "bogus" }, "scopes[0]")]
    [TestCase(new[] { "read", "superuser" }, "scopes[1]")]
    public async Task CreateClient_WhenScopeUnknown_Returns400KeyedByScopeIndex(string[] scopes, string field)
    {
        var name = $"非法范围 {NewCode()}";

        using var response = await PostAsync(new { name, scopes });

        await response.ValidationProblemAsync(field);
        Assert.That((await ListAllAsync()).Select(client => client["name"]!.GetValue<string>()), Has.No.Member(name));
    }

    [Test]
    public async Task CreateClient_WhenScopesEmpty_Returns400KeyedScopes()
    {
        using var response = await PostAsync(new { name = $"无范围 {NewCode()}", scopes = Array.Empty<string>() });

        await response.ValidationProblemAsync("scopes");
    }

    [Test]
    public async Task CreateClient_WhenScopesLongerThanFive_Returns400KeyedScopesAndIssuesNothing()
    {
        var name = $"范围过多 {NewCode()}";

        using var response = await PostAsync(new { name, scopes = new[] { "read", "read", "read", "read", "read", "read" } });

        await response.ValidationProblemAsync("scopes");
        Assert.That((await ListAllAsync()).Select(client => client["name"]!.GetValue<string>()), Has.No.Member(name));
    }

    [Test]
    public async Task CreateClient_WhenNameMissing_Returns400KeyedName()
    {
        using var response = await PostAsync(new { scopes = new[] { "read" } });

        await response.ValidationProblemAsync("name");
    }

    [Test]
    public async Task CreateClient_WhenUnitUnknown_Returns400KeyedUnitId()
    {
        var name = $"未知单位 {NewCode()}";

        using var response = await PostAsync(new { name, scopes = new[] { "read" }, unitId = Guid.NewGuid() });

        await response.ValidationProblemAsync("unitId");
        Assert.That((await ListAllAsync()).Select(client => client["name"]!.GetValue<string>()), Has.No.Member(name));
    }

    [Test]
    public async Task CreateClient_WhenBodyCarriesAKey_DoesNotIssueThatKey()
    {
        // The key is the service's to choose: a caller must not be able to pick (and so know in advance) a key.
        const string chosen = "rk_chosen_by_the_caller_0123456789abcdef";

        using var response = await PostAsync(new { name = $"自选密钥 {NewCode()}", scopes = new[] { "admin" }, key = chosen });

        if (response.StatusCode == HttpStatusCode.Created)
            Assert.That((await response.BodyAsync())["key"]!.GetValue<string>(), Is.Not.EqualTo(chosen));
        else
            await response.ProblemAsync(HttpStatusCode.BadRequest);
        using var withChosen = App.WithKey(chosen);
        using var probe = await withChosen.GetAsync(UnitsPath);
        Assert.That(probe.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task CreateClient_WhenBodyCarriesAnExistingKey_AnswersWithoutServerError()
    {
        using var response = await PostAsync(new
        {
            name = $"重复密钥 {NewCode()}", scopes = new[] { "read" }, key = RectifyApp.AdminKey,
        });

        Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
    }
}
