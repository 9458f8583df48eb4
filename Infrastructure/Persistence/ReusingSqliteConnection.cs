using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Rectify.Infrastructure.Persistence;

/// <summary>
/// A session's SQLite connection as Dapper sees it for writes: each statement is prepared once and kept for the rest of
/// the session. Microsoft.Data.Sqlite prepares the SQL of every new command, and Dapper makes a new command per call,
/// so a save that writes many rows prepared the same few statements again for each of them (a quarter of a 10k-row
/// import's time). Dapper still binds every parameter, through the same type handlers. Only statements that return no
/// reader come through here, so no reader can still be open on a command when it is run again.
/// </summary>
internal sealed class ReusingSqliteConnection(SqliteConnection connection) : DbConnection
{
    /// <summary>Enough for every fixed statement; a list expanded into many spellings stops being kept past it.</summary>
    private const int MaxKept = 256;

    private readonly Dictionary<string, SqliteCommand> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _prefixed = new(StringComparer.Ordinal);

    /// <summary>The kept command for the SQL (made on first use), or a new one the caller disposes when none is kept.</summary>
    private (SqliteCommand Command, bool Kept) CommandFor(string sql)
    {
        if (_kept.TryGetValue(sql, out var kept))
            return (kept, true);
        var command = NewCommand();
        command.CommandText = sql;
        if (_kept.Count >= MaxKept)
            return (command, false);
        _kept.Add(sql, command);
        return (command, true);
    }

    private SqliteCommand NewCommand() => connection.CreateCommand();

    /// <summary>
    /// Dapper names parameters without their '@'; Microsoft.Data.Sqlite then looks each one up twice per run, once
    /// as named and once with each prefix, which was a third of a save's binding.
    /// </summary>
    private void PrefixNames(SqliteParameterCollection parameters)
    {
        foreach (SqliteParameter parameter in parameters)
        {
            var name = parameter.ParameterName;
            if (name.Length == 0 || name[0] is '@' or '$' or ':')
                continue;
            if (!_prefixed.TryGetValue(name, out var prefixed))
                _prefixed.Add(name, prefixed = "@" + name);
            parameter.ParameterName = prefixed;
        }
    }

    protected override DbCommand CreateDbCommand() => new ReusedCommand(this);

    [AllowNull]
    public override string ConnectionString
    {
        get => connection.ConnectionString;
        set => throw new NotSupportedException("The session owns the connection.");
    }

    public override string Database => connection.Database;
    public override string DataSource => connection.DataSource;
    public override string ServerVersion => connection.ServerVersion;
    public override ConnectionState State => connection.State;
    public override void ChangeDatabase(string databaseName) => connection.ChangeDatabase(databaseName);
    public override void Open() => connection.Open();
    public override void Close() => connection.Close();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        connection.BeginTransaction(isolationLevel);

    /// <summary>Releases the kept statements; the connection itself stays the session's.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _kept.Values)
                command.Dispose();
            _kept.Clear();
        }
        base.Dispose(disposing);
    }

    /// <summary>The command Dapper makes: it runs the kept command for whatever SQL it is given.</summary>
    private sealed class ReusedCommand(ReusingSqliteConnection owner) : DbCommand
    {
        private SqliteCommand _command = owner.NewCommand();
        private bool _kept;

        [AllowNull]
        public override string CommandText
        {
            get => _command.CommandText;
            set
            {
                // Dapper rewrites the SQL after binding when it expands a list: the parameters move with it.
                var bound = _command.Parameters.Cast<SqliteParameter>().ToList();
                var transaction = _command.Transaction;
                Release();
                (_command, _kept) = owner.CommandFor(value ?? "");
                _command.Parameters.Clear();
                _command.Parameters.AddRange(bound);
                _command.Transaction = transaction;
            }
        }

        public override int CommandTimeout { get => _command.CommandTimeout; set => _command.CommandTimeout = value; }
        public override CommandType CommandType { get => _command.CommandType; set => _command.CommandType = value; }
        public override bool DesignTimeVisible { get => _command.DesignTimeVisible; set => _command.DesignTimeVisible = value; }

        public override UpdateRowSource UpdatedRowSource
        {
            get => _command.UpdatedRowSource;
            set => _command.UpdatedRowSource = value;
        }

        protected override DbConnection? DbConnection
        {
            get => owner;
            set
            {
                if (value is not null && value != owner)
                    throw new NotSupportedException("A reused command stays on its session's connection.");
            }
        }

        protected override DbParameterCollection DbParameterCollection => _command.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _command.Transaction;
            set => _command.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() => _command.Cancel();
        public override void Prepare() => _command.Prepare();
        protected override DbParameter CreateDbParameter() => _command.CreateParameter();
        public override int ExecuteNonQuery()
        {
            owner.PrefixNames(_command.Parameters);
            return _command.ExecuteNonQuery();
        }

        public override object? ExecuteScalar()
        {
            owner.PrefixNames(_command.Parameters);
            return _command.ExecuteScalar();
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            throw new NotSupportedException("Statements that return rows are not run on a reused command.");

        private void Release()
        {
            _command.Parameters.Clear();
            _command.Transaction = null;
            if (!_kept)
                _command.Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                Release();
            base.Dispose(disposing);
        }
    }
}
