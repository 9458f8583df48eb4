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

        var folder = ScriptFolder(connections.Dialect);
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLogger(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        foreach (var script in result.Scripts)
            logger.LogInformation("Applied migration {Script}", script.Name);
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
