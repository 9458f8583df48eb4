namespace Rectify.IntegrationTests.Startup;

/// <summary>What one run of the real <c>Rectify.Api.dll</c> printed and how it ended, for commands that exit by themselves.</summary>
public sealed record ApiCommand(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the API with <paramref name="args"/>; a run still going after 60 s is killed and fails the test.</summary>
    public static async Task<ApiCommand> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Testing", ["Reports__Scheduling__Enabled"] = "false" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            variables[key] = value;
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", ["Rectify.Api.dll", .. args],
            AppContext.BaseDirectory, TimeSpan.FromSeconds(60), variables);
        return new ApiCommand(exitCode, output, error);
    }

    /// <summary>The one line a refused start or command prints, checked to be exactly one and free of a stack trace.</summary>
    public string OneErrorLine()
    {
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), $"stderr:\n{Error}\nstdout:\n{Output}");
        Assert.That(Output + Error, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
        return lines[0];
    }
}
