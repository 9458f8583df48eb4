using Microsoft.Data.Sqlite;
using Rectify.Infrastructure.Persistence;

namespace Rectify.UnitTests.Persistence;

/// <summary>SQLite compiles every statement against the migrated schema: syntax, tables and columns all checked.</summary>
public sealed class SqliteDialectTests
{
    private MigratedSqlite _database = null!;

    [OneTimeSetUp]
    public async Task MigrateAsync() => _database = await MigratedSqlite.CreateAsync();

    [OneTimeTearDown]
    public void Remove() => _database.Dispose();

    private static IEnumerable<SqlCatalog.Statement> SqliteStatements() => SqlCatalog.For(SqlDialect.Sqlite);

    [TestCaseSource(nameof(SqliteStatements))]
    public void SqliteStatement_WhenPreparedOnTheMigratedSchema_Compiles(SqlCatalog.Statement statement)
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = statement.Text;
        Assert.DoesNotThrow(command.Prepare, statement.Text);
    }

    [Test]
    public void Prepare_WhenColumnDoesNotExist_Fails()
    {
        using var command = _database.Connection.CreateCommand();
        command.CommandText = "SELECT NoSuchColumn FROM Units";
        Assert.Throws<SqliteException>(command.Prepare);
    }

    [Test]
    public async Task Migrate_SetsWriteAheadLogging()
    {
        await using var command = _database.Connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
    }
}
