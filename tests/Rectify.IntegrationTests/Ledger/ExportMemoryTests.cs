using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Rectify.IntegrationTests.Startup;
using Rectify.IntegrationTests.Webhooks;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// Issue 11's "a 100k-item export stays under 100 MB of process memory", in the form it can hold: the idle API alone is
/// about 140 MB resident (the runtime's code mapped from disk, JIT-compiled code), so what is measured is what the export
/// adds. The API runs as a real process with its managed heap capped at 32 MB, so an export that held its rows would die
/// of OutOfMemoryException (and cut the body short) rather than just grow; the peak resident set (VmHWM) during the
/// export, less the resident set before it, must stay under 100 MB. docs/benchmarks.md has the figures.
/// </summary>
[NonParallelizable]
public sealed class ExportMemoryTests
{
    private const int Items = 100_000;
    private const long LimitMb = 100;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"rectify-export-memory-{Guid.NewGuid():N}");
    private string _ledger = null!;

    [OneTimeSetUp]
    public async Task BuildLedger()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("Reads the API's resident memory from /proc/<pid>/status, which only Linux has.");
        Directory.CreateDirectory(_directory);
        _ledger = Path.Combine(_directory, "ledger.db");
        // The benchmarks' own ledger builder: the API seeds the demo ledger, which SQL copies until there are 100k items.
        var build = await ChildProcess.RunAsync("bash", ["bench/build-ledger.sh", $"{Items}", _ledger], Repository.Root,
            TimeSpan.FromSeconds(180), new Dictionary<string, string?>
            {
                ["DLL"] = Path.Combine(AppContext.BaseDirectory, "Rectify.Api.dll"),
                ["BENCH_KEY"] = RectifyApp.AdminKey,
            });
        Assert.That(build.ExitCode, Is.EqualTo(0), build.Output + build.Error);
    }

    [OneTimeTearDown]
    public void DeleteLedger()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [TestCase("csv")]
    [TestCase("xlsx")]
    [CancelAfter(240_000)]
    public async Task Export_Of100kItems_WithTheManagedHeapCappedAt32MB_IsCompleteAndAddsUnder100MBResident(string format,
        CancellationToken cancellationToken)
    {
        await using var api = await ApiProcess.StartAsync(_ledger, new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = "0x2000000",
            ["RateLimits:PerClient:PermitsPerSecond"] = "0",
        });
        using var client = api.Admin();
        client.Timeout = Timeout.InfiniteTimeSpan;
        using (var warmUp = await client.GetAsync("/api/v1/items?limit=50", cancellationToken))
            Assert.That(warmUp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = StatusKb(api.Id, "VmRSS");
        var peakReset = ResetPeak(api.Id);
        var file = Path.Combine(_directory, $"ledger.{format}");
        var clock = Stopwatch.StartNew();

        var download = await DownloadAsync(client, $"{ExportFiles.ExportPath}?format={format}", file, cancellationToken);

        var peak = StatusKb(api.Id, "VmHWM");
        var seconds = clock.Elapsed.TotalSeconds;
        var growthMb = (peak - before) / 1024.0;
        var memory = $"API resident {before / 1024} MB before, peak {peak / 1024} MB during the export: +{growthMb:F0} MB" +
                     (peakReset ? "" : " (clear_refs refused: the peak is the process's since it started)");
        Assert.That(download, Is.Null, $"{format} after {seconds:F1} s, {memory}\n{download}\n{Log(api.Output)}");
        var (rows, codes) = format == "csv" ? CountCsv(file) : CountXlsx(file);
        var measured = $"{format}: {rows} rows ({codes} distinct codes), {new FileInfo(file).Length / 1024 / 1024} MB in " +
                       $"{seconds:F1} s; {memory}";
        await TestContext.Out.WriteLineAsync(measured);
        Assert.That(api.Output, Does.Not.Contain("OutOfMemoryException"), $"{measured}\n{Log(api.Output)}");
        Assert.That((rows, codes), Is.EqualTo((Items, Items)), $"{measured}\n{Log(api.Output)}");
        Assert.That(growthMb, Is.LessThan(LimitMb), measured);
    }

    /// <summary>Streams the export to a file, never whole in memory; null, or why the body did not arrive whole.</summary>
    private static async Task<string?> DownloadAsync(HttpClient client, string url, string file, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            return $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var target = File.Create(file);
            await body.CopyToAsync(target, cancellationToken);
            return null;
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the body was cut off: {e.Message}";
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the body was cut off: {e.Message}";
        }
    }

    /// <summary>The item rows after the header and how many distinct codes (问题编号) they hold.</summary>
    private static (int Rows, int Codes) CountCsv(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        return Count(ExportFiles.ReadCsv(reader));
    }

    private static (int Rows, int Codes) CountXlsx(string file) =>
        Count(MiniExcel.Query(file, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray()));

    private static (int Rows, int Codes) Count(IEnumerable<string[]> rows)
    {
        int? code = null;
        var count = 0;
        var codes = new HashSet<string>();
        foreach (var row in rows)
        {
            if (code is not { } column)
            {
                code = Array.IndexOf(row, "问题编号");
                Assert.That(code, Is.Not.Negative, $"the header row: {string.Join(',', row)}");
                continue;
            }
            count++;
            codes.Add(row[column]);
        }
        return (count, codes.Count);
    }

    private static long StatusKb(int processId, string key)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>Writing 5 to clear_refs sets the peak resident set (VmHWM) back to the current one.</summary>
    private static bool ResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The API's log without stack frames, for a failure's message.</summary>
    private static string Log(string output) =>
        string.Join('\n', output.Split('\n').Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(40));
}
