using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rectify.IntegrationTests.Webhooks;

/// <summary>
/// The API as a real child process (<c>dotnet Rectify.Api.dll</c>) on a given SQLite file, as a deployment runs it:
/// it can be killed outright (SIGKILL) and started again on the same file.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The process id, for what /proc/&lt;id&gt;/ tells about it.</summary>
    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<ApiProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", ["Rectify.Api.dll", "--urls", baseUrl])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Testing",
                ["Database__SqlitePath"] = databasePath,
                ["Auth__BootstrapAdminKey"] = RectifyApp.AdminKey,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Reports__Scheduling__Enabled"] = "false",
            },
        };
        foreach (var (key, value) in RectifyApp.HighRateLimits.Concat(settings))
            start.Environment[key.Replace(":", "__")] = value;
        var api = new ApiProcess(Process.Start(start)!, baseUrl);
        api._process.OutputDataReceived += (_, line) => api.Append(line.Data);
        api._process.ErrorDataReceived += (_, line) => api.Append(line.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync();
        return api;
    }

    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", RectifyApp.AdminKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no cleanup; leases and open requests are left as they were.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                Assert.Fail($"The API exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(200);
        }
        await KillAsync();
        Assert.Fail($"The API was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
