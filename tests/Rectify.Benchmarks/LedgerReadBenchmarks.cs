using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Infrastructure.Demo;

namespace Rectify.Benchmarks;

/// <summary>
/// The reads integrators and people make most, through the whole in-process HTTP pipeline (auth, mediator,
/// Dapper, SQLite, JSON) on the demo ledger: a list page, one item, and the statistics.
/// Run: <c>dotnet run -c Release --project tests/Rectify.Benchmarks -- --filter '*'</c>.
/// </summary>
[MemoryDiagnoser]
public class LedgerReadBenchmarks
{
    private const string Key = "rk_benchmark_admin_key_0123456789";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"rectify-bench-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;
    private string _itemUri = "";

    [GlobalSetup]
    public async Task StartAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:SqlitePath", _database);
            builder.UseSetting("Auth:BootstrapAdminKey", Key);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("RateLimits:PerClient:PermitsPerSecond", "0");
        });
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await using (var scope = _app.Services.CreateAsyncScope())
            await DemoLedger.SeedAsync(scope.ServiceProvider, CancellationToken.None);
        var page = await _client.GetFromJsonAsync<JsonObject>("/api/v1/items?limit=1");
        _itemUri = $"/api/v1/items/{page!["items"]![0]!["id"]}";
    }

    [GlobalCleanup]
    public void Stop()
    {
        _client.Dispose();
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Benchmark]
    public Task<string> ListFiftyItems() => _client.GetStringAsync("/api/v1/items?limit=50");

    [Benchmark]
    public Task<string> GetOneItem() => _client.GetStringAsync(_itemUri);

    [Benchmark]
    public Task<string> StatisticsByInspection() => _client.GetStringAsync("/api/v1/statistics?groupBy=inspection");
}
