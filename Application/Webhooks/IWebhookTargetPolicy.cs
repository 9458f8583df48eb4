namespace Rectify.Application.Webhooks;

/// <summary>
/// Keeps webhooks from reaching into the service's own network: a URL whose host resolves to a private,
/// loopback, link-local, unspecified or carrier-grade NAT address is refused unless configuration allows it.
/// </summary>
public interface IWebhookTargetPolicy
{
    /// <summary>Why the URL may not be a target, or null when it may.</summary>
    Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
