using System.Net;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Units;

/// <summary>
/// A unit key sees its own subtree and the chain of units above it, nothing else: not its siblings, their contacts, or
/// anything under them. Tree: 市 → 县 → (城关镇 → 城关社区, 东城街道).
/// </summary>
public sealed class UnitVisibilityTests : ApiTest
{
    private Guid _city, _county, _township, _community, _sibling;
    private HttpClient _townshipKey = null!;

    [OneTimeSetUp]
    public async Task ArrangeTree()
    {
        _city = await ItemApi.CreateUnitAsync(Admin, "市生态环境局", kind: "office");
        _county = await ItemApi.CreateUnitAsync(Admin, "县整改办", _city, "office");
        _township = await ItemApi.CreateUnitAsync(Admin, "城关镇人民政府", _county, "township");
        _community = await ItemApi.CreateUnitAsync(Admin, "城关社区", _township, "other");
        _sibling = await ItemApi.CreateUnitAsync(Admin, "东城街道办事处", _county, "township");
        _townshipKey = await App.WithScopesAsync(["read"], _township);
    }

    [OneTimeTearDown]
    public void DisposeKey() => _townshipKey.Dispose();

    [Test]
    public async Task ListUnits_WithAUnitKey_ListsItsSubtreeAndTheUnitsAboveItOnly()
    {
        var page = await _townshipKey.GetListAsync($"{UnitsPath}?limit=200");

        Assert.That(page["items"]!.AsArray().Select(IdOf), Is.EquivalentTo(new[] { _city, _county, _township, _community }));
    }

    [Test]
    public async Task ListUnits_WithAnOfficeKey_ListsEveryUnit()
    {
        var page = await Admin.GetListAsync($"{UnitsPath}?limit=200");

        Assert.That(page["items"]!.AsArray().Select(IdOf), Is.SupersetOf(new[] { _city, _county, _township, _community, _sibling }));
    }

    [Test]
    public async Task GetUnit_WithAUnitKey_AnswersForItsChainAnd404ForASibling()
    {
        foreach (var visible in new[] { _city, _county, _township, _community })
        {
            using var response = await _townshipKey.GetAsync($"{UnitsPath}/{visible}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"unit {visible}");
        }

        using var sibling = await _townshipKey.GetAsync($"{UnitsPath}/{_sibling}");

        await sibling.ProblemAsync(HttpStatusCode.NotFound);
    }
}
