using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence;

/// <summary>
/// Opens connections for the configured provider. SQLite connections get a busy timeout; foreign keys are turned on by
/// the session before it writes (<see cref="DbSession"/>), because Microsoft.Data.Sqlite would otherwise send the
/// PRAGMA on every open of a pooled connection, reads included.
/// </summary>
public sealed class ConnectionFactory
{
    public ConnectionFactory(DatabaseOptions options)
    {
        Dialect = options.Provider;
        ConnectionString = Dialect switch
        {
            SqlDialect.SqlServer => options.ConnectionString
                ?? throw new InvalidSettingException("Database:Provider is SqlServer but ConnectionStrings:Rectify is empty."),
            _ => SqliteConnectionString(options),
        };
    }

    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// SQLite has one writer at a time. This process's writers take turns here, in arrival order, before they ask
    /// SQLite for the write lock: left to SQLite's busy timeout, waiting writers poll with sleeps in no order, and
    /// under load the tail grows to seconds while the CPU idles. Writers of other processes still queue on the busy
    /// timeout.
    /// </summary>
    internal SemaphoreSlim SqliteWriteTurn { get; } = new(1, 1);

    public DbConnection Create() => Dialect == SqlDialect.SqlServer
        ? new SqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Create();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string SqliteConnectionString(DatabaseOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? $"Data Source={options.SqlitePath}")
        {
            DefaultTimeout = 30,
            Pooling = true,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        return builder.ToString();
    }
}
