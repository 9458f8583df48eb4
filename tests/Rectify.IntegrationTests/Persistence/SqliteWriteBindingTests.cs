using Rectify.Application.Common.Errors;
using Rectify.Infrastructure.Persistence;

namespace Rectify.IntegrationTests.Persistence;

/// <summary>
/// Inside a transaction the session runs SQLite writes on SQLite directly and binds plain values itself; outside one
/// (and for any other kind of value) Microsoft.Data.Sqlite binds them. Both must store the same thing.
/// </summary>
public sealed class SqliteWriteBindingTests
{
    private const string Columns = "Label, Text, Long, Empty, Flag, Real, Missing, Id, At, Amount";

    private DialectDatabase _database = null!;
    private string _table = "";

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync()
    {
        _database = await DialectDatabase.CreateAsync(SqlDialect.Sqlite);
        _table = $"Probe{Guid.NewGuid():N}";
        await using var session = _database.OpenSession();
        await session.ExecuteAsync($"CREATE TABLE {_table} (Label TEXT PRIMARY KEY, Text TEXT, Long INTEGER, Empty TEXT, " +
                                   "Flag BIT, Real FLOAT, Missing TEXT, Id TEXT, At TEXT, Amount DECIMAL(18, 2))", null,
            CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteDatabase() => _database?.Delete();

    [TestCase("plain", TestName = "Plain values")]
    [TestCase("decimal", TestName = "Plain values and a decimal, which Microsoft.Data.Sqlite binds")]
    [TestCase("nul", TestName = "A long text with a NUL, which Microsoft.Data.Sqlite cuts there")]
    public async Task WriteInTransaction_StoresEveryValueAsAWriteOutsideOne(string kind)
    {
        var values = new Dictionary<string, object?>
        {
            // Longer than the 4000 characters Dapper gives a string parameter as its size.
            ["Text"] = "城关镇生态环境分局 " + (kind == "nul" ? "\0" : "") + new string('x', 5000) + " ✓",
            ["Long"] = long.MaxValue,
            ["Empty"] = "",
            ["Flag"] = true,
            ["Real"] = 0.1,
            ["Missing"] = null,
            ["Id"] = Guid.NewGuid(),
            ["At"] = DateTimeOffset.Parse("2026-11-28T15:04:05.1234567+08:00"),
            ["Amount"] = kind == "decimal" ? 12.5m : null,
        };
        var inside = $"inside-{kind}";
        var outside = $"outside-{kind}";
        await using var session = _database.OpenSession();
        await session.ExecuteAsync(Insert, new Dapper.DynamicParameters(values.Append(new("Label", outside))), CancellationToken.None);
        await session.BeginAsync(CancellationToken.None);
        await session.ExecuteAsync(Insert, new Dapper.DynamicParameters(values.Append(new("Label", inside))), CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);

        var stored = await StoredAsync(session, inside, outside);
        Assert.That(stored[inside], Is.EqualTo(stored[outside]));
        Assert.That(stored[inside], Does.Contain("text:''").And.Contain("integer:1").And.Contain("real:0.1").And.Contain("null:NULL"));
    }

    [Test]
    public async Task UpdateInTransaction_AnswersHowManyRowsItChanged()
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        foreach (var label in new[] { "count-a", "count-b" })
            await session.ExecuteAsync($"INSERT INTO {_table} (Label, Text) VALUES (@Label, 'count')", new { Label = label },
                CancellationToken.None);
        var update = $"UPDATE {_table} SET Long = @Long WHERE Text = @Text";

        var changedTwo = await session.ExecuteAsync(update, new { Long = 2, Text = "count" }, CancellationToken.None);
        var changedNone = await session.ExecuteAsync(update, new { Long = 3, Text = "absent" }, CancellationToken.None);
        await session.RollbackAsync();

        Assert.That((changedTwo, changedNone), Is.EqualTo((2, 0)));
    }

    [Test]
    public async Task ViolationInTransaction_IsAConflictAndTheStatementRunsAgainAfterIt()
    {
        await using var session = _database.OpenSession();
        await session.BeginAsync(CancellationToken.None);
        var insert = $"INSERT INTO {_table} (Label, Text) VALUES (@Label, @Text)";
        await session.ExecuteAsync(insert, new { Label = "twice", Text = "first" }, CancellationToken.None);

        Assert.That(() => session.ExecuteAsync(insert, new { Label = "twice", Text = "second" }, CancellationToken.None),
            Throws.TypeOf<ConflictException>());
        await session.ExecuteAsync(insert, new { Label = "after", Text = "third" }, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);

        var texts = await session.QueryAsync<string>($"SELECT Text FROM {_table} WHERE Label IN ('twice', 'after') ORDER BY Label",
            null, CancellationToken.None);
        Assert.That(texts, Is.EqualTo(new[] { "third", "first" }));
    }

    [Test]
    public async Task WriteAfterSqliteRolledTheTransactionBackItself_IsRefusedAndNothingStays()
    {
        var table = $"Rollback{Guid.NewGuid():N}";
        await using var session = _database.OpenSession();
        await session.ExecuteAsync($"CREATE TABLE {table} (Label TEXT UNIQUE ON CONFLICT ROLLBACK)", null, CancellationToken.None);
        await session.BeginAsync(CancellationToken.None);
        var insert = $"INSERT INTO {table} (Label) VALUES (@Label)";
        await session.ExecuteAsync(insert, new { Label = "a" }, CancellationToken.None);

        Assert.That(() => session.ExecuteAsync(insert, new { Label = "a" }, CancellationToken.None), Throws.TypeOf<ConflictException>());
        Assert.That(() => session.ExecuteAsync(insert, new { Label = "b" }, CancellationToken.None), Throws.InvalidOperationException);
        await session.RollbackAsync();

        Assert.That(await session.QueryAsync<string>($"SELECT Label FROM {table}", null, CancellationToken.None), Is.Empty);
    }

    private string Insert => $"INSERT INTO {_table} ({Columns}) VALUES (@{Columns.Replace(", ", ", @")})";

    /// <summary>
    /// Each row as SQLite stores it: every column's storage class, its value as an SQL literal, and its bytes (a literal
    /// ends at a NUL).
    /// </summary>
    private async Task<Dictionary<string, string>> StoredAsync(DbSession session, params string[] labels)
    {
        var described = string.Join(" || ' ' || ", Columns.Split(", ").Skip(1).Select(c => $"typeof({c}) || ':' || quote({c}) || ':' || hex({c})"));
        var rows = await session.QueryAsync<(string Label, string Stored)>(
            $"SELECT Label, {described} FROM {_table} WHERE Label IN @Labels", new { Labels = labels }, CancellationToken.None);
        return rows.ToDictionary(r => r.Label, r => r.Stored);
    }
}
