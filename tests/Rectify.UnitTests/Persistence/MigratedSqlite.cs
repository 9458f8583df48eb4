using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Rectify.Infrastructure.Persistence;

namespace Rectify.UnitTests.Persistence;

/// <summary>A fresh SQLite file migrated by the real migrator, with one open connection; deleted on dispose.</summary>
public sealed class MigratedSqlite : IDisposable
{
    private readonly string _path;

    private MigratedSqlite(string path, SqliteConnection connection) => (_path, Connection) = (path, connection);

    public SqliteConnection Connection { get; }

    public static async Task<MigratedSqlite> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rectify-schema-{Guid.NewGuid():N}.db");
        var factory = new ConnectionFactory(new DatabaseOptions { SqlitePath = path });
        await new DatabaseMigrator(factory, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new MigratedSqlite(path, (SqliteConnection)await factory.OpenAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        Connection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
