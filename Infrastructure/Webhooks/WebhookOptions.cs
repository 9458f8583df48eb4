using Rectify.Application.Common;

namespace Rectify.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Lets subscriptions target private, loopback and link-local addresses (tests, closed networks).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How often an idle dispatcher looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry waits up to this long; each further one up to twice as long, capped at <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a receiver has to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery stays one dispatcher's; longer than <see cref="Timeout"/>, so no two sends overlap.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many deliveries one dispatcher claims and sends at once.</summary>
    public int BatchSize { get; set; } = 10;

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay ||
            Timeout <= TimeSpan.Zero || BatchSize < 1)
            throw new InvalidSettingException("Webhooks: PollInterval, RetryBaseDelay, Timeout and BatchSize must be positive, " +
                                                "and RetryMaxDelay at least RetryBaseDelay.");
        // A send must end before its lease does, or a second dispatcher could take the delivery while it is in flight.
        if (LeaseDuration <= Timeout + TimeSpan.FromSeconds(1))
            throw new InvalidSettingException("Webhooks:LeaseDuration must exceed Webhooks:Timeout by more than a second.");
    }
}
