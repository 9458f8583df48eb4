using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Rectify.Infrastructure.Persistence;

/// <summary>Applies the numbered scripts of the configured dialect with DbUp; already applied ones are skipped.</summary>
public sealed class DatabaseMigrator(ConnectionFactory connections, ILogger<DatabaseMigrator> logger)
{
    public static string ScriptFolder(SqlDialect dialect) => $".Persistence.Migrations.{dialect}.";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var folder = ScriptFolder(connections.Dialect);
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal)).ToList();
        if (connections.Dialect == SqlDialect.Sqlite && await AllAppliedAsync(scripts, cancellationToken))
            return;

        UpgradeEngineBuilder builder;
        if (connections.Dialect == SqlDialect.SqlServer)
        {
            EnsureDatabase.For.SqlDatabase(connections.ConnectionString);
            builder = DeployChanges.To.SqlDatabase(connections.ConnectionString);
        }
        else
        {
            await UseWriteAheadLogAsync(cancellationToken);
            // The scripts have always run with foreign keys on; the sessions' connection string leaves them to DbSession.
            builder = DeployChanges.To.SqliteDatabase(
                new SqliteConnectionStringBuilder(connections.ConnectionString) { ForeignKeys = true }.ToString());
        }

        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, scripts.Contains)
            .WithTransactionPerScript()
            .LogTo(new DbUpLogger(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        foreach (var script in result.Scripts)
            logger.LogInformation("Applied migration {Script}", script.Name);
    }

    /// <summary>
    /// Whether DbUp's journal already lists every script: then start-up skips building the upgrade engine (a good part
    /// of start-up time when there is nothing to do). SQLite only: on SQL Server the database may not exist yet.
    /// </summary>
    private async Task<bool> AllAppliedAsync(IReadOnlyList<string> scripts, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'SchemaVersions'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            return false;
        command.CommandText = "SELECT ScriptName FROM SchemaVersions";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied.Add(reader.GetString(0));
        return scripts.All(applied.Contains);
    }

    /// <summary>WAL lets readers go on while one writer commits; the setting is stored in the file.</summary>
    private async Task UseWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class DbUpLogger(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
