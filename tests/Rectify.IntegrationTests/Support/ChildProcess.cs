using System.Diagnostics;

namespace Rectify.IntegrationTests.Support;

/// <summary>What a program the tests ran printed and how it ended.</summary>
public sealed record ChildProcess(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs the program to its end; one still going after <paramref name="timeout"/> is killed and fails the test. An
    /// environment value of null removes the variable this test host would otherwise pass on.
    /// </summary>
    public static async Task<ChildProcess> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} was still running after {timeout.TotalSeconds} s:\n" +
                        $"{await output}\n{await error}");
        }
        return new ChildProcess(process.ExitCode, await output, await error);
    }
}
