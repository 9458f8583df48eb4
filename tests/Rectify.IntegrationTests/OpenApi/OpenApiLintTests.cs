using System.Text.Json;

namespace Rectify.IntegrationTests.OpenApi;

/// <summary>
/// The served document passes Redocly's recommended rules with no error and no warning (redocly.yaml at the repository
/// root says which rule is off and why). Runs Redocly CLI through npx at a pinned version; test.sh installs Node.js
/// where it is missing.
/// </summary>
public sealed class OpenApiLintTests : ApiTest
{
    private const string RedoclyCli = "@redocly/cli@2.77.0";

    [Test]
    public async Task Document_PassesRedoclyLint_WithoutErrorsOrWarnings()
    {
        var root = Repository.Root;
        var file = Path.Combine(Path.GetTempPath(), $"rectify-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await App.Anonymous().GetStringAsync("/swagger/v1/swagger.json"));
        try
        {
            // The first run downloads the CLI.
            var (exitCode, output, errors) = await ChildProcess.RunAsync("npx",
                ["-y", RedoclyCli, "lint", file, "--config", Path.Combine(root, "redocly.yaml"), "--format", "json"], root,
                TimeSpan.FromMinutes(5),
                new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" });
            var report = JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("ruleId")}: {p.GetProperty("message")}").ToList();

            Assert.That(problems, Is.Empty, errors);
            Assert.That(exitCode, Is.Zero, errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
