using Rectify.Domain.Common;

namespace Rectify.Domain.Webhooks;

/// <summary>
/// Where to send which events. <see cref="Secret"/> signs every delivery; it leaves the service only once, in the
/// answer to creating the subscription, and is never one of the audited fields.
/// </summary>
public sealed class WebhookSubscription : AggregateRoot
{
    private WebhookSubscription(Guid id, string secret, DateTimeOffset createdAt)
    {
        Id = id;
        Secret = secret;
        CreatedAt = createdAt;
    }

    public string Url { get; private set; } = "";
    /// <summary>The event types subscribed to, e.g. <c>item.created</c>.</summary>
    public IReadOnlyList<string> EventTypes { get; private set; } = [];
    /// <summary>When set, only events of items where this unit or a unit below it holds a role.</summary>
    public Guid? UnitId { get; private set; }
    public bool Active { get; private set; }
    public string? Description { get; private set; }
    public string Secret { get; }
    /// <summary>Why the dispatcher switched the subscription off (a 410 answer), until it is switched on again.</summary>
    public string? DisabledReason { get; private set; }
    /// <summary>Deleted in this unit of work: the save removes it with its deliveries.</summary>
    public bool IsDeleted { get; private set; }

    public static WebhookSubscription Create(Guid id, string url, IReadOnlyList<string> events, Guid? unitId, bool active,
        string? description, string secret, DateTimeOffset now)
    {
        var subscription = new WebhookSubscription(id, secret, now)
        {
            Url = url, EventTypes = events.Distinct().ToList(), UnitId = unitId, Active = active, Description = description,
        };
        subscription.Created(now);
        subscription.Record(new WebhookCreated());
        return subscription;
    }

    public static WebhookSubscription Restore(Guid id, string url, IReadOnlyList<string> events, Guid? unitId, bool active,
        string? description, string secret, string? disabledReason, int version, DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        var subscription = new WebhookSubscription(id, secret, createdAt)
        {
            Url = url, EventTypes = events, UnitId = unitId, Active = active, Description = description,
            DisabledReason = disabledReason,
        };
        subscription.Restored(version, updatedAt);
        return subscription;
    }

    protected override IEnumerable<KeyValuePair<string, object?>> AuditedFields() =>
    [
        new("url", Url),
        new("events", string.Join(',', EventTypes)),
        new("unitId", UnitId),
        new("active", Active),
        new("description", Description),
        new("disabledReason", DisabledReason),
    ];

    /// <summary>Changes what is sent where; switching a subscription on again answers why it was switched off.</summary>
    public void Edit(string url, IReadOnlyList<string> events, Guid? unitId, bool active, string? description)
    {
        var distinct = events.Distinct().ToList();
        if (url == Url && distinct.SequenceEqual(EventTypes) && unitId == UnitId && active == Active && description == Description)
            return;
        (Url, EventTypes, UnitId, Description) = (url, distinct, unitId, description);
        if (active)
            DisabledReason = null;
        Active = active;
        Record(new WebhookUpdated());
    }

    /// <summary>The receiver answered 410 Gone: nothing more is sent until an admin switches it on again.</summary>
    public void Disable(string reason)
    {
        if (!Active)
            return;
        Active = false;
        DisabledReason = reason;
        Record(new WebhookDisabled());
    }

    public void Delete()
    {
        IsDeleted = true;
        Record(new WebhookDeleted(Url, string.Join(',', EventTypes)));
    }
}

public abstract record SubscriptionEvent : DomainEvent;

public sealed record WebhookCreated : SubscriptionEvent
{
    public override string Action => "created";
}

public sealed record WebhookUpdated : SubscriptionEvent
{
    public override string Action => "updated";
}

public sealed record WebhookDisabled : SubscriptionEvent
{
    public override string Action => "disabled";
}

public sealed record WebhookDeleted(string Url, string Events) : SubscriptionEvent
{
    public override string Action => "deleted";
    public override IEnumerable<FieldChange> Details => [new("url", Url, null), new("events", Events, null)];
}
