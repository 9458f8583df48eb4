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

    private readonly Dictionary<string, Statement> _kept = new(StringComparer.Ordinal);
    private static readonly int DefaultTimeout = new SqliteCommand().CommandTimeout;

    /// <summary>
    /// The detached command Dapper fills, kept between calls (a session runs one at a time) so its parameter list
    /// does not grow from empty for every row written.
    /// </summary>
    private SqliteCommand? _spareBuilder;

    private SqliteCommand RentBuilder()
    {
        var builder = _spareBuilder ?? new SqliteCommand();
        _spareBuilder = null;
        return builder;
    }

    private void ReturnBuilder(SqliteCommand builder)
    {
        builder.Parameters.Clear();
        builder.Transaction = null;
        builder.CommandText = "";
        builder.CommandTimeout = DefaultTimeout;
        _spareBuilder = builder;
    }

    /// <summary>
    /// A prepared command and the names its parameters are bound by. Dapper names parameters without their prefix,
    /// and Microsoft.Data.Sqlite then looks each one up as named and again with every prefix on each run (a third of
    /// a save's binding), so a name is given the '@' the SQL spells it with, once.
    /// </summary>
    private sealed class Statement(SqliteCommand command)
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public SqliteCommand Command { get; } = command;

        public string NameOf(string name)
        {
            if (!_names.TryGetValue(name, out var bound))
                _names.Add(name, bound = name.Length > 0 && name[0] is not ('@' or '$' or ':') &&
                                         Command.CommandText.Contains("@" + name, StringComparison.Ordinal)
                    ? "@" + name
                    : name);
            return bound;
        }
    }

    /// <summary>Runs what Dapper built on the kept statement for its SQL (made on first use), then unbinds it.</summary>
    private T Run<T>(SqliteCommand built, Func<SqliteCommand, T> run)
    {
        var kept = _kept.TryGetValue(built.CommandText, out var statement);
        statement ??= new Statement(connection.CreateCommand());
        var command = statement.Command;
        if (!kept)
        {
            command.CommandText = built.CommandText;
            if (_kept.Count < MaxKept)
                _kept.Add(built.CommandText, statement);
        }
        try
        {
            foreach (SqliteParameter parameter in built.Parameters)
            {
                parameter.ParameterName = statement.NameOf(parameter.ParameterName);
                command.Parameters.Add(parameter);
            }
            command.Transaction = built.Transaction;
            command.CommandTimeout = built.CommandTimeout;
            return run(command);
        }
        finally
        {
            command.Parameters.Clear();
            command.Transaction = null;
            if (!_kept.ContainsKey(built.CommandText))
                command.Dispose();
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
            foreach (var statement in _kept.Values)
                statement.Command.Dispose();
            _kept.Clear();
            _spareBuilder?.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>
    /// The command Dapper makes and fills in: a detached command holding its SQL, parameters and transaction, which
    /// runs on the kept statement. Dapper may rewrite the SQL while it binds (a list expands), so nothing is picked
    /// before it runs.
    /// </summary>
    private sealed class ReusedCommand(ReusingSqliteConnection owner) : DbCommand
    {
        private readonly SqliteCommand _built = owner.RentBuilder();

        [AllowNull]
        public override string CommandText { get => _built.CommandText; set => _built.CommandText = value; }

        public override int CommandTimeout { get => _built.CommandTimeout; set => _built.CommandTimeout = value; }
        public override CommandType CommandType { get => _built.CommandType; set => _built.CommandType = value; }
        public override bool DesignTimeVisible { get => _built.DesignTimeVisible; set => _built.DesignTimeVisible = value; }

        public override UpdateRowSource UpdatedRowSource
        {
            get => _built.UpdatedRowSource;
            set => _built.UpdatedRowSource = value;
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

        protected override DbParameterCollection DbParameterCollection => _built.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => _built.Transaction;
            set => _built.Transaction = (SqliteTransaction?)value;
        }

        public override void Cancel() { }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => _built.CreateParameter();
        public override int ExecuteNonQuery() => owner.Run(_built, command => command.ExecuteNonQuery());
        public override object? ExecuteScalar() => owner.Run(_built, command => command.ExecuteScalar());

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            throw new NotSupportedException("Statements that return rows are not run on a reused command.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                owner.ReturnBuilder(_built);
            base.Dispose(disposing);
        }
    }
}
