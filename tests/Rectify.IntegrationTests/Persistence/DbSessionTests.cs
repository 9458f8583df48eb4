using Rectify.Application.Common.Errors;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// SQLite enforces foreign keys per connection; the session turns them on for writes only. On SQLite a session keeps its
/// write statements prepared, so one statement run again must bind each run's own values.
/// </summary>
[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class DbSessionTests(SqlDialect dialect)
{
    private const string InsertOrphanAssignment =
        "INSERT INTO ItemUnits (ItemId, UnitId, Role) VALUES (@ItemId, @UnitId, 'lead')";

    private DialectDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await DialectDatabase.CreateAsync(dialect);

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    [Test]
    public async Task Transaction_OnAConnectionOpenedByARead_ChecksForeignKeys()
    {
        await using var session = _database.OpenSession();
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Items", null, CancellationToken.None);
        await session.BeginAsync(CancellationToken.None);

        Assert.That(() => session.ExecuteAsync(InsertOrphanAssignment, new { ItemId = Guid.NewGuid(), UnitId = Guid.NewGuid() },
            CancellationToken.None), Throws.TypeOf<ConflictException>());
    }

    [Test]
    public async Task WriteWithoutTransaction_ChecksForeignKeys()
    {
        await using var session = _database.OpenSession();

        Assert.That(() => session.ExecuteAsync(InsertOrphanAssignment, new { ItemId = Guid.NewGuid(), UnitId = Guid.NewGuid() },
            CancellationToken.None), Throws.TypeOf<ConflictException>());
    }

    [Test]
    public async Task SameWriteRunAgain_BindsEachRunsOwnValuesAndExpandsLists()
    {
        var table = $"Probe{Guid.NewGuid():N}";
        await using var session = _database.OpenSession();
        await session.ExecuteAsync($"CREATE TABLE {table} (Id INT NOT NULL, Name NVARCHAR(50) NULL)", null, CancellationToken.None);
        await session.BeginAsync(CancellationToken.None);
        foreach (var (id, name) in new[] { (1, "城关镇"), (2, null), (3, "水利局") })
            await session.ExecuteAsync($"INSERT INTO {table} (Id, Name) VALUES (@Id, @Name)", new { Id = id, Name = name },
                CancellationToken.None);
        // The list comes before another value: Dapper rewrites the SQL for the list while it is still binding.
        var marked = dialect == SqlDialect.Sqlite ? "Name || @Mark" : "Name + @Mark";
        foreach (var ids in new[] { new[] { 1 }, [2, 3], [] })
            await session.ExecuteAsync($"UPDATE {table} SET Name = {marked} WHERE Id IN @Ids", new { Ids = ids, Mark = "!" },
                CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);

        var rows = await session.QueryAsync<(int Id, string? Name)>($"SELECT Id, Name FROM {table} ORDER BY Id", null,
            CancellationToken.None);
        Assert.That(rows, Is.EqualTo(new[] { (1, "城关镇!"), (2, (string?)null), (3, "水利局!") }));
    }
}
