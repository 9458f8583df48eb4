using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rectify.Application.Auditing;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// Makes a checkpoint every <c>Audit:CheckpointInterval</c>: it looks at least hourly and makes one when the newest is
/// older than the interval (or there is none). Every instance may run it; the command re-checks in its transaction, so
/// instances on one SQLite file make one checkpoint, and a rare second one on SQL Server is only a harmless extra row.
/// </summary>
internal sealed class AuditCheckpointService(
    IServiceScopeFactory scopes,
    AuditOptions options,
    TimeProvider clock,
    ILogger<AuditCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = options.CheckpointInterval < LongestWait ? options.CheckpointInterval : LongestWait;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ISender>()
                        .Send(new CreateAuditCheckpointCommand(options.CheckpointInterval), stoppingToken) is { } made)
                    logger.LogInformation("Made audit checkpoint {CheckpointId}: {Chains} chains, {Events} events.", made.Id, made.Chains,
                        made.Events);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Making the audit checkpoint failed; the next round tries again.");
            }
        }
    }
}
