using System.Collections.Concurrent;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// SQLite has one writer at a time: this process's writers take turns in the order they asked, instead of polling
/// SQLite's busy timeout with sleeps in no order (which left some writers waiting seconds under load).
/// </summary>
public sealed class SqliteWriteTurnTests
{
    private DialectDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() => _database = await DialectDatabase.CreateAsync(SqlDialect.Sqlite);

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    [Test]
    public async Task Writers_WaitingWhileAnotherWrites_BeginInTheOrderTheyAsked()
    {
        await using var holder = _database.OpenSession();
        await holder.BeginAsync(CancellationToken.None);
        var begun = new ConcurrentQueue<int>();
        var writers = new List<Task>();
        for (var writer = 0; writer < 6; writer++)
        {
            var number = writer;
            writers.Add(Task.Run(async () =>
            {
                await using var session = _database.OpenSession();
                await session.BeginAsync(CancellationToken.None);
                begun.Enqueue(number);
                await session.CommitAsync(CancellationToken.None);
            }));
            // Long enough for this writer to be waiting before the next one asks.
            await Task.Delay(150);
        }

        await holder.CommitAsync(CancellationToken.None);
        await Task.WhenAll(writers);

        Assert.That(begun, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
    }
}
