using System.Data;
using System.Data.Common;
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
    private DbTransaction? _transaction;

    public SqlDialect Dialect => factory.Dialect;
    public bool InTransaction => _transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        // SQLite: BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        // instead of one failing when it upgrades from a read lock.
        _transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task RollbackAsync()
    {
        if (_transaction is null)
            return;
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken)))!;
    }

    /// <summary>Runs a write; a unique or foreign-key violation the checks before it missed (a race) is a 409.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        try
        {
            return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
        }
        catch (Exception e) when (e is SqliteException { SqliteErrorCode: SqliteConstraintViolation }
                                       or SqlException { Number: 2627 or 2601 or 547 })
        {
            throw new ConflictException("The change conflicts with stored data: a duplicate, or a reference to something missing.");
        }
    }

    private const int SqliteConstraintViolation = 19;

    public string Pick(DialectSql sql) => sql.For(Dialect);

    /// <summary>
    /// A Guid list for <c>IN @Ids</c>: Dapper expands lists without the Guid type handler, so SQLite gets the same
    /// text form the handler writes.
    /// </summary>
    public IReadOnlyList<object> IdList(IEnumerable<Guid> ids) =>
        Dialect == SqlDialect.Sqlite ? ids.Select(object (id) => id.ToString("D")).ToList() : ids.Select(object (id) => id).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
            await _transaction.DisposeAsync();
        if (_connection is not null)
            await _connection.DisposeAsync();
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private async ValueTask<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await factory.OpenAsync(cancellationToken);
}
