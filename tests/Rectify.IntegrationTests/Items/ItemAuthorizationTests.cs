using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// Object-level authorization: a key bound to unit A sees and acts only on items where A or a unit below A holds
/// a role; every other item answers 404, exactly like one that does not exist.
/// Units: A (区住建局) with A1 (城关镇) below it, and B (区交通局) elsewhere.
/// </summary>
public sealed class ItemAuthorizationTests : ItemTest
{
    private Guid _unitA, _unitA1, _unitB;
    private Guid _ledBelowA, _sharedWithA, _othersItem, _othersMeasure;
    private HttpClient _keyA = null!, _keyA1 = null!;

    [OneTimeSetUp]
    public async Task ArrangeUnitsItemsAndKeys()
    {
        _unitA = await Admin.CreateUnitAsync("区住房和城乡建设局");
        _unitA1 = await Admin.CreateUnitAsync("城关镇人民政府", _unitA, "township");
        _unitB = await Admin.CreateUnitAsync("区交通运输局");
        _ledBelowA = IdOf(await Admin.CreateItemAsync(Body(leadUnitId: _unitA1)));
        var shared = Body(leadUnitId: _unitB);
        shared["units"] = new JsonArray(new JsonObject { ["unitId"] = _unitA, ["role"] = "cooperating" });
        _sharedWithA = IdOf(await Admin.CreateItemAsync(shared));
        _othersItem = IdOf(await Admin.CreateItemAsync(Body(leadUnitId: _unitB)));
        _othersMeasure = await Admin.AddMeasureAsync(_othersItem, "B单位的措施");
        _keyA = await App.WithScopesAsync(["read", "write", "report"], _unitA);
        _keyA1 = await App.WithScopesAsync(["read", "write", "report"], _unitA1);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _keyA.Dispose();
        _keyA1.Dispose();
    }

    /// <summary>The other unit's item is untouched: still version 2 (created, measure added), no new event.</summary>
    private async Task AssertOthersItemUntouchedAsync()
    {
        var (item, etag) = await Admin.GetItemAsync(_othersItem);
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("not_started"));
        Assert.That(item["title"].Text(), Is.EqualTo("城区雨污混流管网改造不到位"));
        Assert.That(await Admin.ActionsAsync(_othersItem), Is.EqualTo(new[] { "created", "measure_added" }));
        Assert.That((await Admin.MeasuresAsync(_othersItem)).Single()!["implemented"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task GetItem_WithKeyBoundToA_SeesItemsOfAAndOfUnitsBelowA()
    {
        var (ledBelow, _) = await _keyA.GetItemAsync(_ledBelowA);
        var (shared, _) = await _keyA.GetItemAsync(_sharedWithA);

        Assert.That(IdOf(ledBelow), Is.EqualTo(_ledBelowA));
        Assert.That(IdOf(shared), Is.EqualTo(_sharedWithA));
    }

    [Test]
    public async Task GetItem_WithKeyBoundToA_Returns404ForAnotherUnitsItem()
    {
        using var response = await _keyA.GetAsync(ItemUri(_othersItem));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetItem_WithKeyBoundToASubUnit_Returns404ForAnItemOfTheUnitAbove()
    {
        using var response = await _keyA1.GetAsync(ItemUri(_sharedWithA));

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.That(IdOf((await _keyA1.GetItemAsync(_ledBelowA)).Body), Is.EqualTo(_ledBelowA));
    }

    [Test]
    public async Task ListItems_WithKeyBoundToA_ShowsOnlyItsItems()
    {
        var page = await _keyA.GetListAsync($"{ItemsPath}?limit=200");
        var asAdmin = InspectionApi.IdsIn(await Admin.GetListAsync($"{ItemsPath}?inspectionId={InspectionId}&limit=200"));

        Assert.That(InspectionApi.IdsIn(page), Is.SupersetOf(new[] { _ledBelowA, _sharedWithA }));
        Assert.That(InspectionApi.IdsIn(page), Does.Not.Contain(_othersItem));
        Assert.That(asAdmin, Does.Contain(_othersItem));
        foreach (var item in page["items"]!.AsArray())
        {
            var assigned = item!["units"]!.AsArray().Select(u => u!["unitId"]!.GetValue<Guid>())
                .Append(item["leadUnitId"]!.GetValue<Guid>());
            Assert.That(assigned, Has.Some.AnyOf(_unitA, _unitA1), item.ToJsonString());
        }
    }

    [Test]
    public async Task ListItems_WithKeyBoundToAFilteredByAUnitOutsideA_ShowsOnlyItemsAlsoAssignedToA()
    {
        var page = await _keyA.GetListAsync($"{ItemsPath}?unitId={_unitB}&limit=200");

        Assert.That(InspectionApi.IdsIn(page), Is.EqualTo(new[] { _sharedWithA }));
    }

    [Test]
    public async Task UpdateItem_WithKeyBoundToA_Returns404ForAnotherUnitsItemAndChangesNothing()
    {
        using var response = await _keyA.PatchJsonAsync(ItemUri(_othersItem), new { title = "越权修改" }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
        await AssertOthersItemUntouchedAsync();
    }

    [Test]
    public async Task UpdateItem_WithKeyBoundToA_WhereAOnlyCooperates_Returns403EditItemAndChangesNothing()
    {
        var (_, etag) = await Admin.GetItemAsync(_sharedWithA);

        using var response = await _keyA.PatchJsonAsync(ItemUri(_sharedWithA), new { area = "西城区" }, etag);

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("edit_item"));
        Assert.That((await Admin.GetItemAsync(_sharedWithA)).ETag, Is.EqualTo(etag));
    }

    [Test]
    public async Task UpdateMeasure_WithKeyBoundToA_Returns404ForAnotherUnitsItemAndChangesNothing()
    {
        using var response = await _keyA.PatchJsonAsync($"{ItemUri(_othersItem)}/measures/{_othersMeasure}", new { implemented = true }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
        await AssertOthersItemUntouchedAsync();
    }

    [TestCase("")]
    [TestCase("/history")]
    [TestCase("/measures")]
    [TestCase("/progress")]
    [TestCase("/sign-off")]
    [TestCase("/extensions")]
    [TestCase("/recurrences")]
    public async Task Read_WithKeyBoundToA_Returns404ForAnotherUnitsItem(string route)
    {
        using var response = await _keyA.GetAsync(ItemUri(_othersItem) + route);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [TestCase("/measures")]
    [TestCase("/progress")]
    [TestCase("/sign-off")]
    [TestCase("/extensions")]
    public async Task Write_WithKeyBoundToA_Returns404ForAnotherUnitsItemAndChangesNothing(string route)
    {
        object body = route switch
        {
            "/measures" => new { description = "越权添加的措施" },
            "/progress" => new { reportedOn = "2026-03-15", summary = "越权报送", progressStatus = "in_progress" },
            "/sign-off" => new { summary = "越权申请销号" },
            _ => new { requestedDueDate = "2027-06-30", reason = "越权申请延期" },
        };

        using var response = await _keyA.PostAsJsonAsync(ItemUri(_othersItem) + route, body);

        await response.ProblemAsync(HttpStatusCode.NotFound);
        await AssertOthersItemUntouchedAsync();
    }

    [Test]
    public async Task Write_WithKeyBoundToA_WorksOnItsOwnItem()
    {
        var answer = await _keyA.ReportProgressAsync(_ledBelowA, "in_progress");

        Assert.That(answer["item"]!["progressStatus"].Text(), Is.EqualTo("in_progress"));
    }

    [Test]
    public async Task CreateItem_WithKeyBoundToA_LedByAUnitBelowA_Returns201AndTheKeySeesIt()
    {
        var created = await _keyA.CreateItemAsync(Body(leadUnitId: _unitA1));

        Assert.That(IdOf((await _keyA.GetItemAsync(IdOf(created))).Body), Is.EqualTo(IdOf(created)));
    }

    [Test]
    public async Task CreateItem_WithKeyBoundToA_LedByAnotherUnit_Returns403AndCreatesNothing()
    {
        var code = NewCode("Q");

        using var response = await _keyA.PostJsonAsync(ItemsPath, Body(code, leadUnitId: _unitB));

        Assert.That((await response.ProblemAsync(HttpStatusCode.Forbidden))["rule"].Text(), Is.EqualTo("units_in_own_subtree"));
        var page = await Admin.GetListAsync($"{ItemsPath}?q={code}");
        Assert.That(page["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task CreateItem_WithReadOnlyKey_Returns403AndCreatesNothing()
    {
        var code = NewCode("Q");
        using var reader = await App.WithScopesAsync(["read"]);

        using var response = await reader.PostJsonAsync(ItemsPath, Body(code));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        var page = await Admin.GetListAsync($"{ItemsPath}?q={code}");
        Assert.That(page["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task GetItem_WithReadOnlyKeyNotBoundToAUnit_SeesEveryItem()
    {
        using var reader = await App.WithScopesAsync(["read"]);

        var (item, _) = await reader.GetItemAsync(_othersItem);

        Assert.That(IdOf(item), Is.EqualTo(_othersItem));
    }

    [Test]
    public async Task GetItem_WithoutAKey_Returns401()
    {
        using var anonymous = App.Anonymous();

        using var response = await anonymous.GetAsync(ItemUri(_ledBelowA));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
