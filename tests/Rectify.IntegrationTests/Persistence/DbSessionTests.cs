using Rectify.Application.Common.Errors;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>SQLite enforces foreign keys per connection; the session turns them on for writes only.</summary>
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
}
