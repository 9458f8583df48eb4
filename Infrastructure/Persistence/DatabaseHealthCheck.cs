using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rectify.Infrastructure.Persistence;

/// <summary>Ready means the database answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(ConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = HealthSql.Probe;
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{connections.Dialect} answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{connections.Dialect} does not answer.", e);
        }
    }
}
