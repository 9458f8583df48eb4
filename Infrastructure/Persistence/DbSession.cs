using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence;

/// <summary>
/// The request's one connection, opened on first use, and its transaction. Every query goes through these
/// helpers so the transaction and the cancellation token are always passed.
/// </summary>
public sealed class DbSession(ConnectionFactory factory) : IUnitOfWork, IAsyncDisposable
{
    private DbConnection? _connection;
    private ReusingSqliteConnection? _writes;
    private DbTransaction? _transaction;
    private bool _holdsWriteTurn;
    private bool _enforcesForeignKeys;

    public SqlDialect Dialect => factory.Dialect;
    public bool InTransaction => _transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await WriterConnectionAsync(cancellationToken);
        if (connection is not SqliteConnection sqlite)
        {
            _transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return;
        }
        await factory.SqliteWriteTurn.WaitAsync(cancellationToken);
        _holdsWriteTurn = true;
        try
        {
            // BEGIN IMMEDIATE takes the write lock up front, so a writer of another process waits on the busy
            // timeout instead of one of them failing when it upgrades from a read lock.
            _transaction = sqlite.BeginTransaction(deferred: false);
        }
        catch
        {
            ReleaseWriteTurn();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
        ReleaseWriteTurn();
    }

    public async Task RollbackAsync()
    {
        if (_transaction is null)
            return;
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
        ReleaseWriteTurn();
    }

    private void ReleaseWriteTurn()
    {
        if (!_holdsWriteTurn)
            return;
        _holdsWriteTurn = false;
        factory.SqliteWriteTurn.Release();
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(async (connection, command) => (await connection.QueryAsync<T>(command)).AsList(),
            sql, parameters, cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync((connection, command) => connection.QuerySingleOrDefaultAsync<T>(command), sql, parameters, cancellationToken);

    public Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        RunAsync(async (connection, command) => (await connection.ExecuteScalarAsync<T>(command))!, sql, parameters,
            cancellationToken);

    /// <summary>
    /// Rows read from the database as they are enumerated (Dapper unbuffered), for results too large to hold: only the
    /// current row is in memory. The connection is busy until the enumeration ends, so nothing else may query meanwhile.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, object? parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<T>(sql, parameters, _transaction)
                           .WithCancellation(cancellationToken))
            yield return row;
    }

    /// <summary>Several result sets from one command, read in order by <paramref name="read"/>.</summary>
    public Task<T> QueryMultipleAsync<T>(string sql, object? parameters, Func<SqlMapper.GridReader, Task<T>> read,
        CancellationToken cancellationToken) =>
        RunAsync(async (connection, command) =>
        {
            await using var results = await connection.QueryMultipleAsync(command);
            return await read(results);
        }, sql, parameters, cancellationToken);

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await WriterConnectionAsync(cancellationToken);
        return await RunAsync((connection, command) => Writes(connection).ExecuteAsync(command), sql, parameters, cancellationToken);
    }

    /// <summary>Where writes run: on SQLite, the connection that keeps its statements prepared for the session.</summary>
    private DbConnection Writes(DbConnection connection) =>
        connection is SqliteConnection sqlite ? _writes ??= new ReusingSqliteConnection(sqlite) : connection;

    /// <summary>
    /// Runs one statement in the current transaction. What a race can still cause after the checks before it — a
    /// unique or foreign-key violation, or SQL Server choosing this transaction as a deadlock victim — is a 409:
    /// the client retries, and nothing was half-written because the transaction rolls back.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<DbConnection, CommandDefinition, Task<T>> run, string sql, object? parameters,
        CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        try
        {
            return await run(connection, new CommandDefinition(sql, parameters, _transaction, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is SqliteException { SqliteErrorCode: SqliteConstraintViolation }
                                       or SqlException { Number: 2627 or 2601 or 547 or SqlServerDeadlockVictim })
        {
            throw new ConflictException("The change conflicts with a concurrent or stored one (a duplicate, a missing " +
                                        "reference, or a simultaneous change); nothing was written, retry.");
        }
    }

    private const int SqliteConstraintViolation = 19;
    private const int SqlServerDeadlockVictim = 1205;

    public string Pick(DialectSql sql) => sql.For(Dialect);

    /// <summary>
    /// A Guid list for <c>IN @Ids</c>: Dapper expands lists without the Guid type handler, so SQLite gets the same
    /// text form the handler writes.
    /// </summary>
    public IReadOnlyList<object> IdList(IEnumerable<Guid> ids) =>
        Dialect == SqlDialect.Sqlite ? ids.Select(object (id) => id.ToString("D")).ToList() : ids.Select(object (id) => id).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_transaction is not null)
                await _transaction.DisposeAsync();
        }
        finally
        {
            ReleaseWriteTurn();
            // The kept statements before the connection: they belong to its handle, which goes back to the pool.
            if (_writes is not null)
                await _writes.DisposeAsync();
            if (_connection is not null)
                await _connection.DisposeAsync();
        }
    }

    private async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    /// <summary>
    /// The connection, with SQLite's foreign keys enforced: every write checks them, reads skip the PRAGMA. It must
    /// run outside a transaction (inside one SQLite ignores it), so BeginAsync and writes without a transaction run it.
    /// </summary>
    private async ValueTask<DbConnection> WriterConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        if (_enforcesForeignKeys || connection is not SqliteConnection)
            return connection;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON";
        await command.ExecuteNonQueryAsync(cancellationToken);
        _enforcesForeignKeys = true;
        return connection;
    }
}
