using System.Diagnostics;
using System.Text.Json;

namespace Rectify.IntegrationTests.OpenApi;

/// <summary>
/// The served document passes Redocly's recommended rules with no error and no warning (redocly.yaml at the repository
/// root says which rule is off and why). Runs <c>npx -y @redocly/cli@2</c>; test.sh installs Node.js where it is missing.
/// </summary>
public sealed class OpenApiLintTests : ApiTest
{
    [Test]
    public async Task Document_PassesRedoclyLint_WithoutErrorsOrWarnings()
    {
        var root = RepositoryRoot();
        var file = Path.Combine(Path.GetTempPath(), $"rectify-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await App.Anonymous().GetStringAsync("/swagger/v1/swagger.json"));
        try
        {
            var (exitCode, output, errors) = await RunAsync(root, "npx", "-y", "@redocly/cli@2", "lint", file,
                "--config", Path.Combine(root, "redocly.yaml"), "--format", "json");
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

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // The first run downloads the CLI.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"{program} did not finish within 5 minutes: {await errors}");
        }
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "redocly.yaml")))
                return directory.FullName;
        throw new AssertionException("The repository root (redocly.yaml) was not found above the test binaries.");
    }
}
