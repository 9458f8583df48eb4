using Microsoft.Data.Sqlite;
using Rectify.Infrastructure.Persistence;

namespace Rectify.UnitTests.Persistence;

/// <summary>SQLite compiles every statement against the migrated schema: syntax, tables and columns all checked.</summary>
public sealed class SqliteDialectTests
{
    private string _path = null!;
    private SqliteConnection _connection = null!;

    [OneTimeSetUp]
    public async Task MigrateAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), $"rectify-dialect-{Guid.NewGuid():N}.db");
        var factory = new ConnectionFactory(new DatabaseOptions { SqlitePath = _path });
        await new DatabaseMigrator(factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        _connection = (SqliteConnection)await factory.OpenAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private static IEnumerable<SqlCatalog.Statement> SqliteStatements() => SqlCatalog.For(SqlDialect.Sqlite);

    [TestCaseSource(nameof(SqliteStatements))]
    public void SqliteStatement_WhenPreparedOnTheMigratedSchema_Compiles(SqlCatalog.Statement statement)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = statement.Text;
        Assert.DoesNotThrow(command.Prepare, statement.Text);
    }

    [Test]
    public void Prepare_WhenColumnDoesNotExist_Fails()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT NoSuchColumn FROM Units";
        Assert.Throws<SqliteException>(command.Prepare);
    }

    [Test]
    public async Task Migrate_SetsWriteAheadLogging()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
    }
}
