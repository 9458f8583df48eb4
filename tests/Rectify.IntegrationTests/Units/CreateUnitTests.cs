using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>POST /api/v1/units.</summary>
public sealed class CreateUnitTests : ApiTest
{
    private async Task<HttpResponseMessage> PostAsync(object body) => await Admin.PostAsJsonAsync(UnitsPath, body);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string mediaType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        return await Admin.PostAsync(UnitsPath, content);
    }

    /// <summary>Whether a unit with exactly this code is listed (q matches code or name).</summary>
    private async Task<bool> ExistsAsync(string code)
    {
        var page = await Admin.GetPageAsync($"{UnitsPath}?q={Uri.EscapeDataString(code)}");
        return ItemsOf(page).Any(unit => unit["code"]!.GetValue<string>() == code);
    }

    [Test]
    public async Task CreateUnit_WhenValid_Returns201WithLocationAndETag()
    {
        var code = NewCode();

        using var response = await PostAsync(new
        {
            code, name = "区生态环境局", kind = "department", contactName = "张三", contactPhone = "0571-88886666",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.BodyAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/units/{body["id"]}"));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(body["code"]!.GetValue<string>(), Is.EqualTo(code));
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(body["kind"]!.GetValue<string>(), Is.EqualTo("department"));
        Assert.That(body["parentId"], Is.Null);
        Assert.That(body["contactName"]!.GetValue<string>(), Is.EqualTo("张三"));
        Assert.That(body["contactPhone"]!.GetValue<string>(), Is.EqualTo("0571-88886666"));
        Assert.That(body["active"]!.GetValue<bool>(), Is.True);
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateUnit_WhenCreated_LocationAnswersTheSameUnit()
    {
        using var response = await PostAsync(new { code = NewCode(), name = "某某街道办事处", kind = "township" });
        var created = await response.BodyAsync();

        var (unit, etag) = await Admin.GetUnitAsync(response.Headers.Location!.ToString());

        Assert.That(IdOf(unit), Is.EqualTo(IdOf(created)));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("某某街道办事处"));
        Assert.That(unit["kind"]!.GetValue<string>(), Is.EqualTo("township"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task CreateUnit_WhenParentKnown_Returns201UnderThatParent()
    {
        var parent = await Admin.CreateUnitAsync(NewCode(), "某某区人民政府", "office");

        using var response = await PostAsync(new { code = NewCode(), name = "区教育局", kind = "department", parentId = IdOf(parent) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.BodyAsync();
        Assert.That(body["parentId"]!.GetValue<Guid>(), Is.EqualTo(IdOf(parent)));
    }

    [Test]
    public async Task CreateUnit_WhenCodeTaken_Returns409()
    {
        var code = NewCode();
        await Admin.CreateUnitAsync(code);

        using var response = await PostAsync(new { code, name = "另一个单位", kind = "other" });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task CreateUnit_WhenCodeTakenInDifferentCase_Returns409()
    {
        var code = NewCode();
        await Admin.CreateUnitAsync(code);

        using var response = await PostAsync(new { code = code.ToLowerInvariant(), name = "另一个单位", kind = "other" });

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(await ExistsAsync(code.ToLowerInvariant()), Is.False);
    }

    [TestCase("code")]
    [TestCase("name")]
    [TestCase("kind")]
    public async Task CreateUnit_WhenRequiredFieldMissing_Returns400KeyedByFieldAndCreatesNothing(string missing)
    {
        var code = NewCode();
        var body = new JsonObject { ["code"] = code, ["name"] = "区水利局", ["kind"] = "department" };
        body.Remove(missing);

        using var response = await PostRawAsync(body.ToJsonString());

        await response.ValidationProblemAsync(missing);
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [TestCase("bogus")]
    [TestCase("")]
    [TestCase("1")]
    public async Task CreateUnit_WhenKindIsNotOneOfTheValues_Returns400KeyedKind(string kind)
    {
        using var response = await PostAsync(new { code = NewCode(), name = "区水利局", kind });

        await response.ValidationProblemAsync("kind");
    }

    [Test]
    public async Task CreateUnit_WhenKindIsANumber_Returns400KeyedKind()
    {
        using var response = await PostRawAsync($$"""{"code":"{{NewCode()}}","name":"区水利局","kind":1}""");

        await response.ValidationProblemAsync("kind");
    }

    [Test]
    public async Task CreateUnit_WhenCodeHas50Characters_Returns201()
    {
        var code = NewCode().PadRight(50, 'x');

        using var response = await PostAsync(new { code, name = "区水利局", kind = "department" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task CreateUnit_WhenCodeLongerThan50_Returns400KeyedCodeAndCreatesNothing()
    {
        var code = NewCode().PadRight(51, 'x');

        using var response = await PostAsync(new { code, name = "区水利局", kind = "department" });

        await response.ValidationProblemAsync("code");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateUnit_WhenNameHas200Characters_Returns201()
    {
        using var response = await PostAsync(new { code = NewCode(), name = new string('局', 200), kind = "department" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task CreateUnit_WhenNameLongerThan200_Returns400KeyedName()
    {
        var code = NewCode();

        using var response = await PostAsync(new { code, name = new string('局', 201), kind = "department" });

        await response.ValidationProblemAsync("name");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateUnit_WhenParentUnknown_Returns400KeyedParentId()
    {
        var code = NewCode();

        using var response = await PostAsync(new { code, name = "区水利局", kind = "department", parentId = Guid.NewGuid() });

        await response.ValidationProblemAsync("parentId");
        Assert.That(await ExistsAsync(code), Is.False);
    }

    [Test]
    public async Task CreateUnit_WhenParentIdNotAGuid_Returns400KeyedParentId()
    {
        using var response = await PostRawAsync($$"""{"code":"{{NewCode()}}","name":"区水利局","kind":"department","parentId":"HBJ"}""");

        await response.ValidationProblemAsync("parentId");
    }

    [TestCase("HB J")]
    [TestCase(" HBJ")]
    public async Task CreateUnit_WhenCodeHasSpaces_Returns400KeyedCode(string code)
    {
        using var response = await PostAsync(new { code, name = "区水利局", kind = "department" });

        await response.ValidationProblemAsync("code");
    }

    [TestCase("contactName")]
    [TestCase("contactPhone")]
    public async Task CreateUnit_WhenContactLongerThan50_Returns400KeyedByField(string field)
    {
        var body = new JsonObject
        {
            ["code"] = NewCode(), ["name"] = "区水利局", ["kind"] = "department", [field] = new string('1', 51),
        };

        using var response = await PostRawAsync(body.ToJsonString());

        await response.ValidationProblemAsync(field);
    }

    [Test]
    public async Task CreateUnit_WhenTreeAlready8LevelsDeep_Returns409()
    {
        Guid? parent = null;
        for (var level = 1; level <= 8; level++)
            parent = IdOf(await Admin.CreateUnitAsync(NewCode(), $"第{level}级单位", "other", parent));

        using var response = await PostAsync(new { code = NewCode(), name = "第9级单位", kind = "other", parentId = parent });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"]?.GetValue<string>(), Is.EqualTo("unit_too_deep"));
    }

    [Test]
    public async Task CreateUnit_WhenParentInactive_Returns409()
    {
        var parent = await Admin.CreateUnitAsync(NewCode(), "已撤销的园区", "park");
        using (var deactivated = await Admin.DeleteAsync(UriOf(parent), "\"1\""))
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await PostAsync(new { code = NewCode(), name = "园区企业", kind = "enterprise", parentId = IdOf(parent) });

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task CreateUnit_WhenJsonMalformed_Returns400Problem()
    {
        using var response = await PostRawAsync("""{ "code": "X1", "name": 区水利局 """);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CreateUnit_WhenBodyMissing_Returns400Problem()
    {
        using var response = await PostRawAsync("");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CreateUnit_WhenContentTypeIsTextPlain_Returns415Problem()
    {
        var code = NewCode();

        using var response = await PostRawAsync($$"""{"code":"{{code}}","name":"区水利局","kind":"department"}""", "text/plain");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(await ExistsAsync(code), Is.False);
    }
}
