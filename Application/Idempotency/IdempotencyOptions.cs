using Rectify.Application.Common;

namespace Rectify.Application.Idempotency;

/// <summary>How long Idempotency-Keys are remembered, and how often the forgotten ones are purged.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>A key is kept at least this long after its first request; retries within it are replayed.</summary>
    public int RetentionHours { get; set; } = 24;

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    /// <summary>Refuses settings that would keep nothing or purge in a busy loop, at start-up rather than later.</summary>
    public IdempotencyOptions Validated() =>
        RetentionHours < 1 || PurgeInterval <= TimeSpan.Zero
            ? throw new InvalidSettingException(
                $"{Section}:RetentionHours must be at least 1 and {Section}:PurgeInterval positive (e.g. 00:10:00).")
            : this;
}
