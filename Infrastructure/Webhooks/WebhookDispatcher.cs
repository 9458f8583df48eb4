using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rectify.Application.Common;
using Rectify.Application.Webhooks;
using Rectify.Infrastructure.Persistence.Webhooks;

namespace Rectify.Infrastructure.Webhooks;

/// <summary>
/// Sends the outbox. Each round selects due deliveries, claims each one with a lease in its own short transaction,
/// sends the claimed ones outside any transaction, then records each outcome in its own transaction. Any number of
/// dispatchers, in any number of processes, can share one database: a delivery is sent by whoever claimed it, and a
/// claim held by a process that died is taken over when its lease runs out.
/// </summary>
internal sealed class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, WebhookOptions options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>Who holds a lease: unique per dispatcher, even for several in one process.</summary>
    private readonly string _owner = $"{Guid.NewGuid():N}/{Environment.ProcessId}@{Environment.MachineName}" is var owner && owner.Length > 100
        ? owner[..100]
        : owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        options.Validate();
        // The host waits for ExecuteAsync to yield before it starts listening, and SQLite's async calls complete
        // synchronously: without this, start-up would wait for the first round (and the JIT of everything it uses).
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A locked or unreachable database, say: the deliveries wait in the outbox for the next round.
                logger.LogWarning(e, "Webhook dispatch round failed; trying again in {Interval}", options.PollInterval);
            }
            if (claimed < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round; returns how many deliveries it claimed.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        // Each delivery is sent as soon as it is claimed: its lease must outlast the send, not the claims after it.
        List<Task> sending = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WebhookDispatchStore>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var due = await store.DueAsync(clock.GetUtcNow(), options.BatchSize, cancellationToken);
            foreach (var delivery in due)
            {
                var now = clock.GetUtcNow();
                if (await InTransactionAsync(unitOfWork,
                        () => store.ClaimAsync(delivery.Seq, _owner, now, now + options.LeaseDuration, cancellationToken), cancellationToken))
                    sending.Add(DeliverAsync(delivery, cancellationToken));
            }
        }
        await Task.WhenAll(sending);
        return sending.Count;
    }

    private async Task DeliverAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var outcome = await sender.SendAsync(delivery, cancellationToken);
        try
        {
            // Not cancelled by shutdown: an outcome already received is worth keeping, or the event goes out again.
            await RecordAsync(delivery, attemptedAt, outcome, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The lease runs out and the delivery is sent again: at least once, never lost.
            logger.LogWarning(e, "Could not record the outcome of webhook event {EventId} to subscription {SubscriptionId}",
                delivery.EventId, delivery.SubscriptionId);
        }
    }

    private async Task RecordAsync(DueDelivery delivery, DateTimeOffset attemptedAt, SendOutcome outcome,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var (status, next) = outcome switch
        {
            { Delivered: true } => (DeliveryStatus.Delivered, now),
            { Gone: true } => (DeliveryStatus.Failed, now),
            _ when now >= delivery.ExpiresAt => (DeliveryStatus.Failed, now),
            _ => (DeliveryStatus.Pending, now + RetrySchedule.DelayAfter(attempts, options.RetryBaseDelay, options.RetryMaxDelay)),
        };
        var error = outcome.Error ?? (outcome.Delivered ? null : $"The receiver answered {outcome.StatusCode}.");

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<WebhookDispatchStore>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await InTransactionAsync(unitOfWork, async () =>
        {
            await store.CompleteAsync(delivery.Seq, _owner, status, attemptedAt, next, outcome.StatusCode,
                (int)outcome.Duration.TotalMilliseconds, error, cancellationToken);
            if (outcome.Gone)
                await DisableAsync(scope.ServiceProvider, delivery.SubscriptionId, now, cancellationToken);
            return true;
        }, cancellationToken);

        if (status == DeliveryStatus.Pending)
            logger.LogInformation("Webhook event {EventId} to subscription {SubscriptionId} failed ({Error}); retry {Attempt} at {Next:o}",
                delivery.EventId, delivery.SubscriptionId, error, attempts + 1, next);
        else if (status == DeliveryStatus.Failed)
            logger.LogWarning("Webhook event {EventId} to subscription {SubscriptionId} failed for good after {Attempts} attempts: {Error}",
                delivery.EventId, delivery.SubscriptionId, attempts, error);
    }

    /// <summary>410 Gone: the receiver asked for no more. The subscription is switched off, and the audit trail says why.</summary>
    private static async Task DisableAsync(IServiceProvider services, Guid subscriptionId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await services.GetRequiredService<ISender>().Send(new DisableWebhookCommand(subscriptionId,
            $"The receiver answered 410 Gone at {now:yyyy-MM-dd'T'HH:mm:ss'Z'}."), cancellationToken);

    /// <summary>What the transaction behaviour does for commands, for the dispatcher's own short transactions.</summary>
    private static async Task<T> InTransactionAsync<T>(IUnitOfWork unitOfWork, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var result = await work();
            await unitOfWork.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
    }
}
