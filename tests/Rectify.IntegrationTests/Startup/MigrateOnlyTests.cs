using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Startup;

/// <summary>Deployments that migrate as a separate step run the service with --migrate-only: it migrates and exits.</summary>
public sealed class MigrateOnlyTests
{
    [Test]
    public async Task MigrateOnly_OnAFreshDatabase_AppliesEveryMigrationAndExits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rectify-migrate-{Guid.NewGuid():N}", "rectify.db");
        var start = new ProcessStartInfo("dotnet", ["Rectify.Api.dll", "--migrate-only", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Database__SqlitePath"] = path, ["DOTNET_ENVIRONMENT"] = "Testing" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.That(process.ExitCode, Is.EqualTo(0), await output);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM SchemaVersions";
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Count(name => name.Contains(DatabaseMigrator.ScriptFolder(SqlDialect.Sqlite), StringComparison.Ordinal));
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo((long)scripts));
        Assert.That(await output, Does.Not.Contain("Now listening"));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
