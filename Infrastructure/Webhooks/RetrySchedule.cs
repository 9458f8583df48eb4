namespace Rectify.Infrastructure.Webhooks;

/// <summary>Exponential backoff with full jitter: retries of many deliveries spread out instead of arriving together.</summary>
internal static class RetrySchedule
{
    public static TimeSpan DelayAfter(int attemptsMade, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 40)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
