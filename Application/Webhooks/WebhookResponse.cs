using Rectify.Application.Common;
using Rectify.Domain.Webhooks;

namespace Rectify.Application.Webhooks;

public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, Guid? UnitId, bool Active,
    string? Description, string? DisabledReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version) : IVersioned
{
    public static WebhookResponse From(WebhookSubscription s) =>
        new(s.Id, s.Url, s.EventTypes, s.UnitId, s.Active, s.Description, s.DisabledReason, s.CreatedAt, s.UpdatedAt, s.Version);
}

/// <summary>
/// The answer to creating a subscription: the only time its signing secret is ever shown. A replay of the request
/// (same Idempotency-Key) answers with <c>secret</c> null: delete the subscription and create another if the first
/// answer was lost.
/// </summary>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, Guid? UnitId, bool Active,
    string? Description, string? Secret, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version) : IVersioned, IShownOnce
{
    public object WithoutSecret() => this with { Secret = null };
}

/// <summary>One event on its way to one subscription, with every attempt made so far (oldest first).</summary>
/// <param name="EventId">The <c>webhook-id</c> header: the same on every retry and redelivery.</param>
/// <param name="Status">pending, delivered or failed.</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
public sealed record WebhookDeliveryResponse(Guid EventId, string EventType, string Status, int AttemptCount,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttemptResponse> Attempts);

/// <param name="StatusCode">The receiver's HTTP status; null when no answer came (timeout, refused connection…).</param>
public sealed record WebhookAttemptResponse(DateTimeOffset AttemptedAt, int? StatusCode, int DurationMs, string? Error);
