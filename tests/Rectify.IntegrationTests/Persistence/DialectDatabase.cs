using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// A migrated database of one dialect: a fresh SQLite file always; SQL Server only when
/// RECTIFY_TEST_SQLSERVER holds a connection string (the fixture is ignored otherwise, saying why).
/// </summary>
public sealed class DialectDatabase
{
    public const string SqlServerVariable = "RECTIFY_TEST_SQLSERVER";

    private readonly string? _sqlitePath;

    private DialectDatabase(ConnectionFactory connections, string? sqlitePath)
    {
        Connections = connections;
        _sqlitePath = sqlitePath;
    }

    public ConnectionFactory Connections { get; }

    public static async Task<DialectDatabase> CreateAsync(SqlDialect dialect)
    {
        DatabaseOptions options;
        string? path = null;
        if (dialect == SqlDialect.SqlServer)
        {
            var connectionString = Environment.GetEnvironmentVariable(SqlServerVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
                Assert.Ignore($"{SqlServerVariable} is not set: no SQL Server to run the store tests on (its statements are still parsed by ScriptDom).");
            options = new DatabaseOptions { Provider = SqlDialect.SqlServer, ConnectionString = connectionString };
        }
        else
        {
            path = Path.Combine(Path.GetTempPath(), $"rectify-store-{Guid.NewGuid():N}.db");
            options = new DatabaseOptions { SqlitePath = path };
        }
        DapperTypeHandlers.Register();
        var connections = new ConnectionFactory(options);
        await new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new DialectDatabase(connections, path);
    }

    public DbSession OpenSession() => new(Connections);

    public void Delete()
    {
        if (_sqlitePath is null)
            return;
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqlitePath + suffix);
    }
}
