using Rectify.Application.Common;

namespace Rectify.Api.Http;

/// <summary>The <c>RateLimits</c> section: a token bucket per API key, and a cap on failed authentications per address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public PerClientLimit PerClient { get; set; } = new();

    public FailedAuthLimit FailedAuth { get; set; } = new();

    public sealed class PerClientLimit
    {
        /// <summary>The bucket's refill rate; 0 turns the per-client limit off (load tests).</summary>
        public int PermitsPerSecond { get; set; } = 50;

        /// <summary>The bucket's size: how many requests a key may send at once after a quiet spell.</summary>
        public int Burst { get; set; } = 100;
    }

    public sealed class FailedAuthLimit
    {
        /// <summary>Failed authentications an address may make per window; 0 turns the limit off.</summary>
        public int PerMinute { get; set; } = 20;

        /// <summary>A minute, as the name says; tests shorten it so that they need not wait one.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    /// <summary>Refuses settings no limiter could be built from, at start-up rather than on the first request.</summary>
    public RateLimitOptions Validated() =>
        PerClient.PermitsPerSecond < 0 || (PerClient.PermitsPerSecond > 0 && PerClient.Burst < 1) ||
        FailedAuth.PerMinute < 0 || FailedAuth.Window <= TimeSpan.Zero
            ? throw new InvalidSettingException(
                $"{Section}:PerClient:PermitsPerSecond and {Section}:FailedAuth:PerMinute must be 0 (off) or more, " +
                $"{Section}:PerClient:Burst at least 1, and {Section}:FailedAuth:Window positive (e.g. 00:01:00).")
            : this;
}
