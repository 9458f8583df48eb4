namespace Rectify.Application.Webhooks;

/// <summary>
/// Where to send which events. <paramref name="Secret"/> signs every delivery; it leaves the service only once,
/// in the answer to creating the subscription.
/// </summary>
/// <param name="UnitId">When set, only events of items where this unit or a unit below it holds a role.</param>
/// <param name="DisabledReason">Why the dispatcher switched the subscription off (a 410 answer), until it is switched on again.</param>
public sealed record WebhookSubscription(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    Guid? UnitId,
    bool Active,
    string? Description,
    string Secret,
    string? DisabledReason,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
