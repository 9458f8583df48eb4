using System.Net;
using System.Text.Json.Nodes;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>PATCH /api/v1/units/{id}.</summary>
public sealed class UpdateUnitTests : ApiTest
{
    private Task<JsonObject> CreateAsync(Guid? parentId = null) =>
        Admin.CreateUnitAsync(NewCode(), "区生态环境局", "department", parentId, "张三", "0571-88886666");

    [Test]
    public async Task UpdateUnit_WithCurrentIfMatch_Returns200WithETag2AndChangesOnlySentFields()
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { name = "区生态环境分局" }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        var body = await response.BodyAsync();
        Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("区生态环境分局"));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境分局"));
        Assert.That(unit["code"]!.GetValue<string>(), Is.EqualTo(created["code"]!.GetValue<string>()));
        Assert.That(unit["kind"]!.GetValue<string>(), Is.EqualTo("department"));
        Assert.That(unit["contactName"]!.GetValue<string>(), Is.EqualTo("张三"));
        Assert.That(unit["contactPhone"]!.GetValue<string>(), Is.EqualTo("0571-88886666"));
        Assert.That(unit["active"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task UpdateUnit_WithSeveralFields_ChangesThemAll()
    {
        var created = await CreateAsync();
        var code = NewCode();

        using var response = await Admin.PatchJsonAsync(UriOf(created),
            new { code, kind = "office", contactPhone = "13800000000" }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (unit, _) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["code"]!.GetValue<string>(), Is.EqualTo(code));
        Assert.That(unit["kind"]!.GetValue<string>(), Is.EqualTo("office"));
        Assert.That(unit["contactPhone"]!.GetValue<string>(), Is.EqualTo("13800000000"));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(unit["contactName"]!.GetValue<string>(), Is.EqualTo("张三"));
    }

    [Test]
    public async Task UpdateUnit_WhenContactNameNull_ClearsItAndKeepsTheRest()
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { contactName = (string?)null }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        var (unit, _) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["contactName"], Is.Null);
        Assert.That(unit["contactPhone"]!.GetValue<string>(), Is.EqualTo("0571-88886666"));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
    }

    [Test]
    public async Task UpdateUnit_WhenNameTooLong_Returns400KeyedNameAndChangesNothing()
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { name = new string('局', 201) }, "\"1\"");

        await response.ValidationProblemAsync("name");
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
    }

    [Test]
    public async Task UpdateUnit_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var created = await CreateAsync();
        var uri = UriOf(created);

        using var response = await Admin.PatchJsonAsync(uri, new { name = "改名" }, ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        var (unit, etag) = await Admin.GetUnitAsync(uri);
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        var created = await CreateAsync();
        var uri = UriOf(created);
        using (var first = await Admin.PatchJsonAsync(uri, new { name = "第一次修改" }, "\"1\""))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.PatchJsonAsync(uri, new { name = "第二次修改" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var (unit, etag) = await Admin.GetUnitAsync(uri);
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("第一次修改"));
        Assert.That(etag, Is.EqualTo("\"2\""));
    }

    [TestCase("W/\"1\"")]
    [TestCase("\"abc\"")]
    public async Task UpdateUnit_WithIfMatchNeverIssued_Returns412AndChangesNothing(string ifMatch)
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { name = "改名" }, ifMatch);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    /// <summary>If-Match compares strongly (RFC 9110 §13.1.1): a weak tag is well-formed and never matches, so it is a 412 above.</summary>
    [TestCase("1")]
    [TestCase("\"1")]
    [TestCase("\"1\", 2")]
    [TestCase("*, \"1\"")]
    [TestCase("W/1")]
    public async Task UpdateUnit_WithMalformedIfMatch_Returns400SayingWhatIsExpectedAndChangesNothing(string ifMatch)
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { name = "改名" }, ifMatch);

        var problem = await response.ValidationProblemAsync("If-Match");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("quotes included").And.Contain("*"));
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(created));
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [TestCase("\"7\", \"1\"")]
    [TestCase("\"1\",\"2\"")]
    public async Task UpdateUnit_WithIfMatchListingTheCurrentTag_Returns200(string ifMatch)
    {
        var created = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(created), new { name = "改名" }, ifMatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task UpdateUnit_WithIfMatchStar_Returns200WhateverTheVersion()
    {
        var created = await CreateAsync();
        var uri = UriOf(created);
        using (var first = await Admin.PatchJsonAsync(uri, new { name = "第一次修改" }, "\"1\""))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var response = await Admin.PatchJsonAsync(uri, new { name = "第二次修改" }, "*");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"3\""));
        var (unit, _) = await Admin.GetUnitAsync(uri);
        Assert.That(unit["name"]!.GetValue<string>(), Is.EqualTo("第二次修改"));
    }

    [Test]
    public async Task UpdateUnit_WhenMovedUnderOwnDescendant_Returns409AndChangesNothing()
    {
        var root = await CreateAsync();
        var child = await CreateAsync(IdOf(root));
        var grandchild = await CreateAsync(IdOf(child));

        using var response = await Admin.PatchJsonAsync(UriOf(root), new { parentId = IdOf(grandchild) }, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"]?.GetValue<string>(), Is.EqualTo("unit_cycle"));
        var (unit, etag) = await Admin.GetUnitAsync(UriOf(root));
        Assert.That(unit["parentId"], Is.Null);
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WhenMovedUnderItself_Returns409AndChangesNothing()
    {
        var unit = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { parentId = IdOf(unit) }, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"]?.GetValue<string>(), Is.EqualTo("unit_cycle"));
        var (stored, etag) = await Admin.GetUnitAsync(UriOf(unit));
        Assert.That(stored["parentId"], Is.Null);
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WhenMovedUnderAnotherUnit_Returns200AndListsUnderTheNewParent()
    {
        var oldParent = await CreateAsync();
        var newParent = await CreateAsync();
        var unit = await CreateAsync(IdOf(oldParent));

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { parentId = IdOf(newParent) }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["parentId"]!.GetValue<Guid>(), Is.EqualTo(IdOf(newParent)));
        Assert.That(IdsOf(await Admin.GetPageAsync($"{UnitsPath}?parentId={IdOf(newParent)}")), Is.EqualTo(new[] { IdOf(unit) }));
        Assert.That(IdsOf(await Admin.GetPageAsync($"{UnitsPath}?parentId={IdOf(oldParent)}")), Is.Empty);
    }

    [Test]
    public async Task UpdateUnit_WhenParentIdNull_MakesTheUnitARoot()
    {
        var parent = await CreateAsync();
        var unit = await CreateAsync(IdOf(parent));

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { parentId = (Guid?)null }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (stored, _) = await Admin.GetUnitAsync(UriOf(unit));
        Assert.That(stored["parentId"], Is.Null);
    }

    [Test]
    public async Task UpdateUnit_AfterASubtreeMoved_StillRefusesACycleThroughIt()
    {
        // a > b > c and d; b moves under d, so d is now above c and cannot go under c.
        var a = await CreateAsync();
        var b = await CreateAsync(IdOf(a));
        var c = await CreateAsync(IdOf(b));
        var d = await CreateAsync();
        using (var moved = await Admin.PatchJsonAsync(UriOf(b), new { parentId = IdOf(d) }, "*"))
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());

        using var response = await Admin.PatchJsonAsync(UriOf(d), new { parentId = IdOf(c) }, "*");

        await response.ProblemAsync(HttpStatusCode.Conflict);
        var (stored, _) = await Admin.GetUnitAsync(UriOf(d));
        Assert.That(stored["parentId"], Is.Null);
    }

    [Test]
    public async Task UpdateUnit_WhenMoveWouldPutSubUnitsBelowLevel8_Returns409AndChangesNothing()
    {
        // A 7-level chain, and a separate root with one sub-unit: moving that root under level 7 would put
        // it at level 8 and its sub-unit at level 9.
        Guid? deepest = null;
        for (var level = 1; level <= 7; level++)
            deepest = IdOf(await Admin.CreateUnitAsync(NewCode(), $"第{level}级单位", "other", deepest));
        var root = await CreateAsync();
        var child = await CreateAsync(IdOf(root));

        using var response = await Admin.PatchJsonAsync(UriOf(root), new { parentId = deepest }, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"]?.GetValue<string>(), Is.EqualTo("unit_too_deep"));
        var (stored, etag) = await Admin.GetUnitAsync(UriOf(root));
        Assert.That(stored["parentId"], Is.Null);
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That((await Admin.GetUnitAsync(UriOf(child))).ETag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WhenMovedUnderInactiveUnit_Returns409()
    {
        var inactive = await CreateAsync();
        using (var deactivated = await Admin.DeleteAsync(UriOf(inactive), "\"1\""))
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var unit = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { parentId = IdOf(inactive) }, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"]?.GetValue<string>(), Is.EqualTo("unit_inactive"));
    }

    [TestCase("""{"code":null}""", "code")]
    [TestCase("""{"code":"HB J"}""", "code")]
    [TestCase("""{"name":null}""", "name")]
    [TestCase("""{"name":""}""", "name")]
    [TestCase("""{"kind":"bogus"}""", "kind")]
    [TestCase("""{"kind":null}""", "kind")]
    [TestCase("""{"parentId":"HBJ"}""", "parentId")]
    [TestCase("""{"contactPhone":"123456789012345678901234567890123456789012345678901"}""", "contactPhone")]
    public async Task UpdateUnit_WhenFieldInvalid_Returns400KeyedByFieldAndChangesNothing(string body, string field)
    {
        var created = await CreateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Patch, UriOf(created))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        using var response = await Admin.SendAsync(request);

        await response.ValidationProblemAsync(field);
        Assert.That((await Admin.GetUnitAsync(UriOf(created))).ETag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WhenParentUnknown_Returns400KeyedParentId()
    {
        var unit = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { parentId = Guid.NewGuid() }, "\"1\"");

        await response.ValidationProblemAsync("parentId");
    }

    [Test]
    public async Task UpdateUnit_WhenCodeTakenByAnotherUnit_Returns409AndChangesNothing()
    {
        var other = await CreateAsync();
        var unit = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { code = other["code"]!.GetValue<string>() }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Conflict);
        var (stored, etag) = await Admin.GetUnitAsync(UriOf(unit));
        Assert.That(stored["code"]!.GetValue<string>(), Is.EqualTo(unit["code"]!.GetValue<string>()));
        Assert.That(etag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpdateUnit_WhenCodeTakenByAnotherUnitInDifferentCase_Returns409()
    {
        var other = await CreateAsync();
        var unit = await CreateAsync();

        using var response = await Admin.PatchJsonAsync(UriOf(unit),
            new { code = other["code"]!.GetValue<string>().ToLowerInvariant() }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task UpdateUnit_WhenCodeIsItsOwnInDifferentCase_Returns200()
    {
        var unit = await CreateAsync();
        var code = unit["code"]!.GetValue<string>().ToLowerInvariant();

        using var response = await Admin.PatchJsonAsync(UriOf(unit), new { code }, "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await response.BodyAsync())["code"]!.GetValue<string>(), Is.EqualTo(code));
    }

    [Test]
    public async Task UpdateUnit_WhenUnknown_Returns404Problem()
    {
        using var response = await Admin.PatchJsonAsync($"{UnitsPath}/{Guid.NewGuid()}", new { name = "改名" }, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
