using System.Net.Http.Json;

namespace Rectify.IntegrationTests;

/// <summary>Review chains differ by province and source kind, so their defaults come from configuration.</summary>
public sealed class SignOffChainConfigurationTests
{
    private RectifyApp _app = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _app = new RectifyApp(new Dictionary<string, string>
        {
            ["Office:SignOffSteps:warning_film:0"] = "区级验收",
            ["Office:SignOffSteps:warning_film:1"] = "媒体公示",
            ["Office:SignOffSteps:warning_film:2"] = "市级审核",
            ["Office:SignOffSteps:default:0"] = "市级自验",
            ["Office:SignOffSteps:default:1"] = "省级验收",
        });
        _admin = _app.Admin();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _admin.Dispose();
        _app.Dispose();
    }

    private async Task<string[]> StepsOfNewInspectionAsync(string kind)
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/inspections",
            new { kind, level = "municipal", title = "长江经济带生态环境警示片披露问题", year = 2026 });
        var body = await response.BodyAsync();
        return body["signOffSteps"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();
    }

    [Test]
    public async Task CreateInspection_WithoutSteps_TakesTheChainConfiguredForItsKind() =>
        Assert.That(await StepsOfNewInspectionAsync("warning_film"), Is.EqualTo(new[] { "区级验收", "媒体公示", "市级审核" }));

    [Test]
    public async Task CreateInspection_WithoutStepsForAnUnconfiguredKind_TakesTheConfiguredDefault() =>
        Assert.That(await StepsOfNewInspectionAsync("petition"), Is.EqualTo(new[] { "市级自验", "省级验收" }));
}
