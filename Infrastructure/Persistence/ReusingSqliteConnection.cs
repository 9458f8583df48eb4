using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rectify.Infrastructure.Persistence;

/// <summary>
/// A session's SQLite connection as Dapper sees it for writes: each statement is prepared once and kept for the rest of
/// the session. Microsoft.Data.Sqlite prepares the SQL of every new command, and Dapper makes a new command per call,
/// so a save that writes many rows prepared the same few statements again for each of them (a quarter of a 10k-row
/// import's time). Dapper still makes every parameter, through the same type handlers. Only statements that return no
/// reader come through here, so no reader can still be open on a statement when it is run again.
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

    private SqliteConnection Sqlite => connection;

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
    /// A kept statement. Inside the session's transaction (which holds SQLite's write lock) a single DML statement whose
    /// values are all text, integers, reals or nulls runs on SQLite directly: each parameter's index is looked up once,
    /// and the values are bound as Microsoft.Data.Sqlite binds them. Binding through Microsoft.Data.Sqlite looks up
    /// every parameter's name again on every run, a third of a save's time. Anything else runs on a kept
    /// Microsoft.Data.Sqlite command, with its errors, conversions and waits on a busy database.
    /// </summary>
    private sealed class Statement(ReusingSqliteConnection owner, string sql) : IDisposable
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private SqliteCommand? _command;
        private sqlite3_stmt? _prepared;
        private bool _preparedOnce;

        private sqlite3 Database => owner.Sqlite.Handle!;

        public SqliteCommand Command => _command ??= NewCommand();

        private SqliteCommand NewCommand()
        {
            var command = owner.Sqlite.CreateCommand();
            command.CommandText = sql;
            return command;
        }

        /// <summary>
        /// Dapper names parameters without their prefix, and Microsoft.Data.Sqlite then looks each one up as named and
        /// again with every prefix on each run, so a name is given the '@' the SQL spells it with, once.
        /// </summary>
        public string NameOf(string name)
        {
            if (!_names.TryGetValue(name, out var bound))
                _names.Add(name, bound = name.Length > 0 && name[0] is not ('@' or '$' or ':') &&
                                         sql.Contains("@" + name, StringComparison.Ordinal)
                    ? "@" + name
                    : name);
            return bound;
        }

        /// <summary>
        /// Runs the statement on SQLite directly; false, with nothing run, when it or a value does not qualify, when
        /// SQLite has already rolled the transaction back itself (Microsoft.Data.Sqlite then refuses to run anything in
        /// it), or when the database is busy (Microsoft.Data.Sqlite waits and retries).
        /// </summary>
        public bool TryExecute(SqliteParameterCollection parameters, out int changes)
        {
            changes = 0;
            if (raw.sqlite3_get_autocommit(Database) != 0 || Prepared() is not { } statement)
                return false;
            try
            {
                var bound = 0;
                foreach (SqliteParameter parameter in parameters)
                {
                    var index = IndexOf(statement, parameter.ParameterName);
                    if (index == 0)
                        continue;
                    if (!TryBind(statement, index, parameter))
                        return false;
                    bound++;
                }
                if (bound != raw.sqlite3_bind_parameter_count(statement))
                    return false;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                }
                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
                    return false;
                SqliteException.ThrowExceptionForRC(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc, Database);
                changes = raw.sqlite3_changes(Database);
                return true;
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
        }

        private sqlite3_stmt? Prepared()
        {
            if (_preparedOnce)
                return _prepared;
            _preparedOnce = true;
            if (raw.sqlite3_prepare_v2(Database, sql, out var statement, out var tail) == raw.SQLITE_OK && !statement.IsInvalid &&
                string.IsNullOrWhiteSpace(tail) && raw.sqlite3_stmt_readonly(statement) == 0)
                return _prepared = statement;
            statement?.Dispose();
            return null;
        }

        /// <summary>The parameter's index, found as Microsoft.Data.Sqlite finds it: as named, else with a prefix.</summary>
        private int IndexOf(sqlite3_stmt statement, string name)
        {
            if (_indexes.TryGetValue(name, out var index))
                return index;
            index = raw.sqlite3_bind_parameter_index(statement, name);
            foreach (var prefix in index == 0 && name.Length > 0 && name[0] is not ('@' or '$' or ':') ? "@$:" : "")
                if (index == 0)
                    index = raw.sqlite3_bind_parameter_index(statement, prefix + name);
            _indexes.Add(name, index);
            return index;
        }

        private bool TryBind(sqlite3_stmt statement, int index, SqliteParameter parameter)
        {
            var rc = parameter.Value switch
            {
                DBNull => raw.sqlite3_bind_null(statement, index),
                // Microsoft.Data.Sqlite cuts a text at the parameter's size, and over 512 bytes at its first NUL (it
                // passes SQLite no length then); such texts are left to it.
                string text when (parameter.Size == -1 || text.Length <= parameter.Size) && !text.Contains('\0') =>
                    BindText(statement, index, text),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                double number when !double.IsNaN(number) => raw.sqlite3_bind_double(statement, index, number),
                _ => (int?)null,
            };
            if (rc is not { } result)
                return false;
            SqliteException.ThrowExceptionForRC(result, Database);
            return true;
        }

        private int BindText(sqlite3_stmt statement, int index, string text)
        {
            // SQLite copies the text while binding, so the buffer goes back at once.
            var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }

        public void Dispose()
        {
            _prepared?.Dispose();
            _command?.Dispose();
        }
    }

    /// <summary>Runs what Dapper built on the kept statement for its SQL (made on first use), then unbinds it.</summary>
    private T Run<T>(SqliteCommand built, Func<Statement, T> run)
    {
        var kept = _kept.TryGetValue(built.CommandText, out var statement);
        statement ??= new Statement(this, built.CommandText);
        if (!kept && _kept.Count < MaxKept)
        {
            _kept.Add(built.CommandText, statement);
            kept = true;
        }
        try
        {
            return run(statement);
        }
        finally
        {
            if (!kept)
                statement.Dispose();
        }
    }

    private int ExecuteNonQuery(SqliteCommand built) => Run(built, statement =>
        built.Transaction is not null && statement.TryExecute(built.Parameters, out var changes)
            ? changes
            : OnCommand(statement, built, command => command.ExecuteNonQuery()));

    private object? ExecuteScalar(SqliteCommand built) =>
        Run(built, statement => OnCommand(statement, built, command => command.ExecuteScalar()));

    /// <summary>Runs what Dapper built on the statement's Microsoft.Data.Sqlite command, then unbinds it.</summary>
    private static T OnCommand<T>(Statement statement, SqliteCommand built, Func<SqliteCommand, T> run)
    {
        var command = statement.Command;
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
        }
    }

    private void ReleaseStatements()
    {
        foreach (var statement in _kept.Values)
            statement.Dispose();
        _kept.Clear();
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

    /// <summary>The kept statements belong to the open connection's handle, so they go before it closes.</summary>
    public override void Close()
    {
        ReleaseStatements();
        connection.Close();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        connection.BeginTransaction(isolationLevel);

    /// <summary>Releases the kept statements; the connection itself stays the session's.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleaseStatements();
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
        public override int ExecuteNonQuery() => owner.ExecuteNonQuery(_built);
        public override object? ExecuteScalar() => owner.ExecuteScalar(_built);

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
