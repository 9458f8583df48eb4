using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rectify.Application.Idempotency;

namespace Rectify.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Forgets Idempotency-Keys older than <c>Idempotency:RetentionHours</c>, every <c>Idempotency:PurgeInterval</c>, in
/// batches of one short statement each. A failure (the database restarting, a lock wait running out) is logged and
/// the next round tries again; every instance may run it, a row is deleted once.
/// </summary>
internal sealed class IdempotencyPurgeService(
    IServiceScopeFactory scopes,
    IdempotencyOptions options,
    TimeProvider clock,
    ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    internal const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.PurgeInterval, clock, stoppingToken);
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                    logger.LogDebug("Purged {Count} expired idempotency records.", purged);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Purging expired idempotency records failed; the next round tries again.");
            }
        }
    }

    private async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>()
                .PurgeExpiredAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
                break;
        }
        return total;
    }
}
