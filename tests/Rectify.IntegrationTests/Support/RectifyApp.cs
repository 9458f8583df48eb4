using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Rectify.IntegrationTests.Support;

/// <summary>The real service on a fresh SQLite file, migrated by the real migrator, with a known admin key.</summary>
public sealed class RectifyApp(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "rk_test_admin_key_0123456789abcdef";

    /// <summary>
    /// Limits no fixture reaches: tests send hundreds of requests a second with one key, and many 401s, from one address.
    /// The rate-limit tests set low ones.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HighRateLimits = new Dictionary<string, string>
    {
        ["RateLimits:PerClient:PermitsPerSecond"] = "1000000",
        ["RateLimits:PerClient:Burst"] = "1000000",
        ["RateLimits:FailedAuth:PerMinute"] = "1000000",
    };

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"rectify-test-{Guid.NewGuid():N}.db");

    /// <summary>The audit key file the service creates beside the database when Audit:Key is not set.</summary>
    public string AuditKeyPath => Path.ChangeExtension(DatabasePath, ".audit-key");

    /// <summary>Starts at 2026-03-15 10:00 in Shanghai (02:00 UTC).</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 15, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:SqlitePath", DatabasePath);
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        // The report scheduler fires on real time; the fixtures that test it turn it on.
        builder.UseSetting("Reports:Scheduling:Enabled", "false");
        foreach (var (key, value) in HighRateLimits.Concat(settings ?? new Dictionary<string, string>()))
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Admin() => WithKey(AdminKey);

    public HttpClient Anonymous() => CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Issues a key through the API, as an administrator would.</summary>
    public async Task<HttpClient> WithScopesAsync(string[] scopes, Guid? unitId = null)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/clients",
            new { name = $"test {string.Join('+', scopes)}", scopes, unitId });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<KeyHolder>();
        return WithKey(created!.Key!);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(DatabasePath + suffix);
        File.Delete(AuditKeyPath);
    }

    private sealed record KeyHolder(string Key);
}
