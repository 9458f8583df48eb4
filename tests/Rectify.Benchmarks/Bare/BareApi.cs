using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rectify.Infrastructure.Persistence;

namespace Rectify.Benchmarks.Bare;

/// <summary>
/// The baseline for bench/run.sh: the API's reads on the same SQLite file, with nothing around them — no
/// authentication, mediator, validation, aggregate or response mapping; rows go to JSON as Dapper returns them.
/// Same routes as the API, so the same wrk scripts drive both.
/// Run: <c>dotnet Rectify.Benchmarks.dll --bare &lt;ledger.db&gt; --urls http://127.0.0.1:5091</c>.
/// </summary>
public static class BareApi
{
    public const string Switch = "--bare";

    public static async Task RunAsync(string database, string[] hostArguments)
    {
        DapperTypeHandlers.Register();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = true, DefaultTimeout = 30 }.ToString();
        var builder = WebApplication.CreateSlimBuilder(hostArguments);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        async Task<SqliteConnection> OpenAsync()
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        }

        app.MapGet("/health/ready", () => Results.Ok());
        app.MapGet("/api/v1/items/{id:guid}", async (Guid id) =>
        {
            await using var connection = await OpenAsync();
            return await BareReads.ItemAsync(connection, id) is { } item ? Results.Ok(item) : Results.NotFound();
        });
        app.MapGet("/api/v1/items", async (string? sort, string? progressStatus, int? limit) =>
        {
            await using var connection = await OpenAsync();
            return Results.Ok(await BareReads.ListAsync(connection, sort, progressStatus, limit ?? 50));
        });
        app.MapGet("/api/v1/statistics", async (string? groupBy) =>
        {
            await using var connection = await OpenAsync();
            return Results.Ok(await BareReads.StatisticsAsync(connection, groupBy ?? "inspection"));
        });
        await app.RunAsync();
    }
}
