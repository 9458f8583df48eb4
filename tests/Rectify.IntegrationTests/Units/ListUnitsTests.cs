using System.Net;
using System.Text;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>GET /api/v1/units.</summary>
public sealed class ListUnitsTests : ApiTest
{
    /// <summary>A Chinese text unique to this call, so a name filter can only match units made with it.</summary>
    private static string ChineseMarker()
    {
        const string digits = "零一二三四五六七八九甲乙丙丁戊己";
        var builder = new StringBuilder();
        foreach (var hex in Guid.NewGuid().ToString("N")[..8])
            builder.Append(digits[Convert.ToInt32(hex.ToString(), 16)]);
        return builder.ToString();
    }

    [Test]
    public async Task ListUnits_WhenUnitsExist_ReturnsItemsAndNextCursor()
    {
        var created = await Admin.CreateUnitAsync(NewCode());

        var page = await Admin.GetPageAsync($"{UnitsPath}?limit=200");

        Assert.That(page.ContainsKey("items"), Is.True, page.ToJsonString());
        Assert.That(page.ContainsKey("nextCursor"), Is.True, page.ToJsonString());
        var listed = ItemsOf(page).Single(unit => IdOf(unit) == IdOf(created));
        Assert.That(listed["code"]!.GetValue<string>(), Is.EqualTo(created["code"]!.GetValue<string>()));
        Assert.That(listed["name"]!.GetValue<string>(), Is.EqualTo("区生态环境局"));
        Assert.That(listed["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task ListUnits_WithLimit2_ServesTwoAndACursor()
    {
        for (var i = 0; i < 3; i++)
            await Admin.CreateUnitAsync(NewCode());

        var page = await Admin.GetPageAsync($"{UnitsPath}?limit=2");

        Assert.That(ItemsOf(page), Has.Count.EqualTo(2));
        Assert.That(page["nextCursor"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task ListUnits_WithLimit2_WalksEveryUnitOnceInCreationOrder()
    {
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
            created.Add(IdOf(await Admin.CreateUnitAsync(NewCode())));

        var walked = await Admin.WalkAsync("limit=2");

        Assert.That(walked, Is.Unique);
        Assert.That(walked.Where(created.Contains), Is.EqualTo(created));
        var all = await Admin.GetPageAsync($"{UnitsPath}?limit=200");
        Assert.That(walked, Is.EquivalentTo(IdsOf(all)));
    }

    [Test]
    public async Task ListUnits_WhenUnitsAddedBetweenPages_WalksAllWithoutSkipsOrRepeats()
    {
        var before = new List<Guid>();
        for (var i = 0; i < 5; i++)
            before.Add(IdOf(await Admin.CreateUnitAsync(NewCode())));
        var addedDuringWalk = new List<Guid>();

        var walked = await Admin.WalkAsync("limit=2",
            async () => addedDuringWalk.Add(IdOf(await Admin.CreateUnitAsync(NewCode()))));

        Assert.That(addedDuringWalk, Is.Not.Empty);
        Assert.That(walked, Is.Unique);
        Assert.That(walked.Where(id => before.Contains(id) || addedDuringWalk.Contains(id)),
            Is.EqualTo(before.Concat(addedDuringWalk)));
    }

    [Test]
    public async Task ListUnits_FilteredByParentWithLimit2_WalksExactlyTheChildren()
    {
        var parent = IdOf(await Admin.CreateUnitAsync(NewCode(), "某某区人民政府", "office"));
        var children = new List<Guid>();
        for (var i = 0; i < 5; i++)
            children.Add(IdOf(await Admin.CreateUnitAsync(NewCode(), parentId: parent)));

        var walked = await Admin.WalkAsync($"parentId={parent}&limit=2");

        Assert.That(walked, Is.EqualTo(children));
    }

    [Test]
    public async Task ListUnits_FilteredByParentId_ReturnsOnlyDirectChildren()
    {
        var parent = IdOf(await Admin.CreateUnitAsync(NewCode(), "某某区人民政府", "office"));
        var first = IdOf(await Admin.CreateUnitAsync(NewCode(), "区教育局", parentId: parent));
        var second = IdOf(await Admin.CreateUnitAsync(NewCode(), "区卫健委", parentId: parent));
        await Admin.CreateUnitAsync(NewCode(), "区教育局下属学校", "other", parentId: first);
        await Admin.CreateUnitAsync(NewCode(), "无关单位", "other");

        var page = await Admin.GetPageAsync($"{UnitsPath}?parentId={parent}");

        Assert.That(IdsOf(page), Is.EqualTo(new[] { first, second }));
        Assert.That(page["nextCursor"], Is.Null);
    }

    [Test]
    public async Task ListUnits_FilteredByActive_ReturnsOnlyUnitsInThatState()
    {
        var kept = await Admin.CreateUnitAsync(NewCode());
        var deactivated = await Admin.CreateUnitAsync(NewCode());
        using (var response = await Admin.DeleteAsync(UriOf(deactivated), "\"1\""))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var inactive = await Admin.GetPageAsync($"{UnitsPath}?active=false&limit=200");
        var active = await Admin.GetPageAsync($"{UnitsPath}?active=true&limit=200");

        Assert.That(IdsOf(inactive), Does.Contain(IdOf(deactivated)).And.Not.Contain(IdOf(kept)));
        Assert.That(ItemsOf(inactive).Select(unit => unit["active"]!.GetValue<bool>()), Is.All.False);
        Assert.That(IdsOf(active), Does.Contain(IdOf(kept)).And.Not.Contain(IdOf(deactivated)));
        Assert.That(ItemsOf(active).Select(unit => unit["active"]!.GetValue<bool>()), Is.All.True);
    }

    [Test]
    public async Task ListUnits_WithQMatchingChineseSubstringOfName_ReturnsOnlyThatUnit()
    {
        var marker = ChineseMarker();
        var match = await Admin.CreateUnitAsync(NewCode(), $"某某区{marker}生态环境分局");
        await Admin.CreateUnitAsync(NewCode(), $"某某区{ChineseMarker()}生态环境分局");

        var page = await Admin.GetPageAsync($"{UnitsPath}?q={Uri.EscapeDataString(marker[2..] + "生态")}");

        Assert.That(IdsOf(page), Is.EqualTo(new[] { IdOf(match) }));
    }

    [Test]
    public async Task ListUnits_WithQMatchingPartOfCode_ReturnsThatUnit()
    {
        var code = NewCode("HBJ-");
        var match = await Admin.CreateUnitAsync(code);
        await Admin.CreateUnitAsync(NewCode("HBJ-"));

        var page = await Admin.GetPageAsync($"{UnitsPath}?q={code[2..]}");

        Assert.That(IdsOf(page), Is.EqualTo(new[] { IdOf(match) }));
    }

    [Test]
    public async Task ListUnits_WithQContainingLikeWildcards_MatchesThemLiterally()
    {
        var marker = ChineseMarker();
        var match = await Admin.CreateUnitAsync(NewCode(), $"{marker}_100%达标");
        await Admin.CreateUnitAsync(NewCode(), $"{marker}X100X达标");

        var page = await Admin.GetPageAsync($"{UnitsPath}?q={Uri.EscapeDataString(marker + "_100%")}");

        Assert.That(IdsOf(page), Is.EqualTo(new[] { IdOf(match) }));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(201)]
    public async Task ListUnits_WithLimitOutOfRange_Returns400KeyedLimit(int limit)
    {
        using var response = await Admin.GetAsync($"{UnitsPath}?limit={limit}");

        await response.ValidationProblemAsync("limit");
    }

    [Test]
    public async Task ListUnits_WithLimit200_Returns200()
    {
        await Admin.CreateUnitAsync(NewCode());

        var page = await Admin.GetPageAsync($"{UnitsPath}?limit=200");

        Assert.That(ItemsOf(page), Is.Not.Empty);
    }

    [Test]
    public async Task ListUnits_WithQLongerThan100_Returns400KeyedQ()
    {
        using var response = await Admin.GetAsync($"{UnitsPath}?q={new string('x', 101)}");

        await response.ValidationProblemAsync("q");
    }

    [TestCase("limit=abc", "limit")]
    [TestCase("active=maybe", "active")]
    [TestCase("parentId=HBJ", "parentId")]
    public async Task ListUnits_WithQueryValueOfWrongType_Returns400KeyedByField(string query, string field)
    {
        using var response = await Admin.GetAsync($"{UnitsPath}?{query}");

        await response.ValidationProblemAsync(field);
    }

    [TestCase("garbage")]
    [TestCase("!!!not-base64!!!")]
    [TestCase("bm90IGpzb24")]
    public async Task ListUnits_WithCursorNotIssuedByService_Returns400KeyedCursor(string cursor)
    {
        using var response = await Admin.GetAsync($"{UnitsPath}?cursor={Uri.EscapeDataString(cursor)}");

        await response.ValidationProblemAsync("cursor");
    }
}
