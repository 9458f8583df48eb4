using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Rectify.BrowserTests.Support;

/// <summary>
/// The real service on a real loopback port (a browser cannot reach the in-memory test server), on a fresh
/// SQLite file migrated by the real migrator, with a known admin key.
/// </summary>
public sealed class RectifyServer : WebApplicationFactory<Program>
{
    public const string AdminKey = "rk_test_admin_key_0123456789abcdef";

    private RectifyServer()
    {
    }

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"rectify-browser-{Guid.NewGuid():N}.db");

    /// <summary>The address Kestrel listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public static RectifyServer Start()
    {
        var server = new RectifyServer();
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:SqlitePath", DatabasePath);
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
    }

    /// <summary>A client of the real port that sends the admin key, for arranging and checking through the API.</summary>
    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(DatabasePath + suffix);
        File.Delete(Path.ChangeExtension(DatabasePath, ".audit-key"));
    }
}
