using Dapper;
using Rectify.Infrastructure.Persistence;

namespace Rectify.Infrastructure.Scheduling;

internal static class SchedulerLeaseSql
{
    /// <summary>Creates the lease row the first time; a no-op when it exists (SQLite runs one writer at a time).</summary>
    public const string Create = """
        INSERT INTO SchedulerLeases (Name, Holder, ExpiresAt)
        SELECT @Name, @Holder, @Now WHERE NOT EXISTS (SELECT 1 FROM SchedulerLeases WHERE Name = @Name)
        """;

    /// <summary>Takes or renews the lease: it is ours already, or its holder let it expire.</summary>
    public const string Take = """
        UPDATE SchedulerLeases SET Holder = @Holder, ExpiresAt = @ExpiresAt
        WHERE Name = @Name AND (Holder = @Holder OR ExpiresAt < @Now)
        """;

    public const string Release = "UPDATE SchedulerLeases SET ExpiresAt = @Now WHERE Name = @Name AND Holder = @Holder";
}

/// <summary>
/// The lease that decides which instance runs the scheduler on SQLite, where Quartz refuses to run clustered. Each
/// statement is one SQLite write, serialized across processes by the database file's lock, so two instances can never
/// both hold it: the one whose holder is written and whose expiry lies ahead does. Real time, not the service's clock:
/// it measures whether a process is alive.
/// </summary>
internal sealed class SchedulerLease(ConnectionFactory connections, SchedulingOptions options)
{
    private const string Name = "report-scheduler";

    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { Name, Holder, Now = now, ExpiresAt = now + options.LeaseDuration };
        await connection.ExecuteAsync(new CommandDefinition(SchedulerLeaseSql.Create, parameters, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(SchedulerLeaseSql.Take, parameters,
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task ReleaseAsync()
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(SchedulerLeaseSql.Release, new { Name, Holder, Now = DateTimeOffset.UtcNow });
    }
}
