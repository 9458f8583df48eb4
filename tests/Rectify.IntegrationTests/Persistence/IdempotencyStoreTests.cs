using Rectify.Application.Idempotency;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Idempotency;

namespace Rectify.IntegrationTests.Persistence;

[TestFixture(SqlDialect.Sqlite)]
[TestFixture(SqlDialect.SqlServer)]
public sealed class IdempotencyStoreTests(SqlDialect dialect)
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 30, 15, 123, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private DialectDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await DialectDatabase.CreateAsync(dialect);

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    private static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>What the Idempotency-Key filter does: claim and complete in one transaction.</summary>
    private async Task<bool> ClaimAndCompleteAsync(Guid clientId, string key, string hash, IdempotentResponse response,
        DateTimeOffset? expiresAt = null)
    {
        await using var session = _database.OpenSession();
        var store = new IdempotencyStore(session);
        await session.BeginAsync(None);
        if (!await store.TryClaimAsync(clientId, key, hash, Now, expiresAt ?? Now.AddHours(24), None))
        {
            await session.RollbackAsync();
            return false;
        }
        await store.CompleteAsync(clientId, key, response, None);
        await session.CommitAsync(None);
        return true;
    }

    private async Task<IdempotencyRecord?> FindAsync(Guid clientId, string key)
    {
        await using var session = _database.OpenSession();
        return await new IdempotencyStore(session).FindAsync(clientId, key, None);
    }

    [Test]
    public async Task ClaimAndComplete_ThenFind_RoundTripsTheResponse()
    {
        var clientId = Guid.NewGuid();
        var key = NewKey();
        var response = new IdempotentResponse(201, "/api/v1/items/1", "\"3\"", """{"title":"城区雨污混流管网改造不到位"}""");

        Assert.That(await ClaimAndCompleteAsync(clientId, key, new string('a', 64), response), Is.True);

        Assert.That(await FindAsync(clientId, key), Is.EqualTo(new IdempotencyRecord(new string('a', 64), response)));
    }

    [Test]
    public async Task Claim_WhenTheKeyIsStored_ReturnsFalseButKeysDifferingInCaseOrClientAreOthers()
    {
        var clientId = Guid.NewGuid();
        var key = "Key-" + NewKey();
        var response = new IdempotentResponse(200, null, null, null);
        await ClaimAndCompleteAsync(clientId, key, "h1", response);

        Assert.That(await ClaimAndCompleteAsync(clientId, key, "h2", response), Is.False);
        Assert.That(await ClaimAndCompleteAsync(clientId, key.ToLowerInvariant(), "h3", response), Is.True);
        Assert.That(await ClaimAndCompleteAsync(Guid.NewGuid(), key, "h4", response), Is.True);
        Assert.That((await FindAsync(clientId, key))!.RequestHash, Is.EqualTo("h1"));
    }

    [Test]
    public async Task Claim_WhenRolledBack_LeavesTheKeyFree()
    {
        var clientId = Guid.NewGuid();
        var key = NewKey();
        await using (var session = _database.OpenSession())
        {
            await session.BeginAsync(None);
            Assert.That(await new IdempotencyStore(session).TryClaimAsync(clientId, key, "h", Now, Now.AddHours(1), None), Is.True);
            await session.RollbackAsync();
        }

        Assert.That(await FindAsync(clientId, key), Is.Null);
        Assert.That(await ClaimAndCompleteAsync(clientId, key, "h", new IdempotentResponse(201, null, null, null)), Is.True);
    }

    /// <summary>Two instances with one key: the second waits for the first's transaction, then finds the key taken.</summary>
    [Test]
    public async Task Claim_WhenAnotherTransactionHoldsTheKey_WaitsForItsCommitThenReturnsFalse()
    {
        var clientId = Guid.NewGuid();
        var key = NewKey();
        var response = new IdempotentResponse(201, "/api/v1/units/1", "\"1\"", "{}");
        await using var first = _database.OpenSession();
        var firstStore = new IdempotencyStore(first);
        await first.BeginAsync(None);
        Assert.That(await firstStore.TryClaimAsync(clientId, key, "h", Now, Now.AddHours(1), None), Is.True);

        // SQLite's BEGIN IMMEDIATE waits for the write lock synchronously: off the test's thread.
        var second = Task.Run(() => ClaimAndCompleteAsync(clientId, key, "h", response));
        await Task.Delay(300);
        Assert.That(second.IsCompleted, Is.False, "the second waits while the first holds the key");
        await firstStore.CompleteAsync(clientId, key, response, None);
        await first.CommitAsync(None);

        Assert.That(await second, Is.False);
        Assert.That((await FindAsync(clientId, key))!.Response, Is.EqualTo(response));
    }

    [Test]
    public async Task PurgeExpired_DeletesOnlyExpiredRows_AtMostABatchAtATime()
    {
        var clientId = Guid.NewGuid();
        var response = new IdempotentResponse(201, null, null, null);
        var expired = Enumerable.Range(0, 3).Select(_ => NewKey()).ToList();
        foreach (var key in expired)
            await ClaimAndCompleteAsync(clientId, key, "h", response, Now.AddHours(-1));
        var kept = NewKey();
        await ClaimAndCompleteAsync(clientId, kept, "h", response, Now.AddHours(1));
        await using var session = _database.OpenSession();
        var store = new IdempotencyStore(session);

        var firstBatch = await store.PurgeExpiredAsync(Now, 2, None);
        var secondBatch = await store.PurgeExpiredAsync(Now, 2, None);

        Assert.That(firstBatch, Is.EqualTo(2));
        Assert.That(secondBatch, Is.GreaterThanOrEqualTo(1), "other fixtures' rows may expire too; ours are gone");
        foreach (var key in expired)
            Assert.That(await FindAsync(clientId, key), Is.Null);
        Assert.That(await FindAsync(clientId, kept), Is.Not.Null);
    }
}
