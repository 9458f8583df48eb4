using Rectify.Application.Common.Errors;
using Rectify.Domain.Units;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Units;

namespace Rectify.IntegrationTests.Persistence;

[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class UnitStoreTests(SqlDialect dialect)
{
    private DialectDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await DialectDatabase.CreateAsync(dialect);

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    private static OrgUnit NewUnit(OrgUnit? parent = null) => OrgUnit.Create(Guid.CreateVersion7(),
        "S" + Guid.NewGuid().ToString("N")[..10], "县生态环境分局", UnitKind.Department, parent, "李四", null,
        new DateTimeOffset(2026, 5, 1, 8, 30, 15, 123, TimeSpan.Zero).AddTicks(4567));

    /// <summary>What the save path does around the store: stamp the next version, write, mark saved.</summary>
    private static async Task SaveAsync(UnitStore store, OrgUnit unit)
    {
        unit.StampChanges(DateTimeOffset.UtcNow);
        await store.WriteAsync(unit, CancellationToken.None);
        unit.MarkSaved();
    }

    [Test]
    public async Task Insert_ThenFind_RoundTripsEveryColumnType()
    {
        var parent = NewUnit();
        var child = NewUnit(parent);
        child.Edit(child.Details, active: false);
        await using (var session = _database.OpenSession())
        {
            var store = new UnitStore(session);
            await session.BeginAsync(CancellationToken.None);
            await store.WriteAsync(parent, CancellationToken.None);
            await store.WriteAsync(child, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var reader = _database.OpenSession();
        var found = await new UnitStore(reader).FindAsync(child.Id, CancellationToken.None);

        Assert.That(found, Is.Not.Null);
        Assert.That(found!.ParentId, Is.EqualTo(parent.Id));
        Assert.That(found.Active, Is.False);
        Assert.That(found.Name, Is.EqualTo("县生态环境分局"));
        Assert.That(found.ContactPhone, Is.Null);
        Assert.That(found.CreatedAt, Is.EqualTo(child.CreatedAt));
        Assert.That(found.Kind, Is.EqualTo(UnitKind.Department));
        Assert.That(found.IsAtOrBelow(parent), Is.True);
    }

    [Test]
    public async Task Update_WhenVersionMovedOn_ThrowsStaleAndKeepsTheStoredRow()
    {
        var unit = NewUnit();
        await using var session = _database.OpenSession();
        var store = new UnitStore(session);
        await store.WriteAsync(unit, CancellationToken.None);
        var first = (await store.FindAsync(unit.Id, CancellationToken.None))!;
        var second = (await store.FindAsync(unit.Id, CancellationToken.None))!;
        first.Edit(first.Details with { Name = "先到" }, first.Active);
        await SaveAsync(store, first);

        second.Edit(second.Details with { Name = "后到" }, second.Active);
        second.StampChanges(DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<StaleVersionException>(() => store.WriteAsync(second, CancellationToken.None));
        Assert.That((await store.FindAsync(unit.Id, CancellationToken.None))!.Name, Is.EqualTo("先到"));
    }

    [Test]
    public async Task Rollback_LeavesNothingWritten()
    {
        var unit = NewUnit();
        await using (var session = _database.OpenSession())
        {
            await session.BeginAsync(CancellationToken.None);
            await new UnitStore(session).WriteAsync(unit, CancellationToken.None);
            await session.RollbackAsync();
        }

        await using var reader = _database.OpenSession();
        Assert.That(await new UnitStore(reader).FindAsync(unit.Id, CancellationToken.None), Is.Null);
    }
}
