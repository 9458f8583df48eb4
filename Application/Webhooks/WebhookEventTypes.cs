namespace Rectify.Application.Webhooks;

/// <summary>The event types a subscription may choose; <see cref="Ping"/> is sent only by the test endpoint.</summary>
public static class WebhookEventTypes
{
    public const string Ping = "ping";

    /// <summary>A signed audit checkpoint; it concerns no item, so only subscriptions not limited to a unit receive it.</summary>
    public const string AuditCheckpoint = "audit.checkpoint";

    public static readonly IReadOnlyList<string> Subscribable =
    [
        "item.created", "item.updated", "item.measure_added", "item.measure_implemented", "item.progress_reported",
        "item.completed", "item.sign_off_requested", "item.sign_off_approved", "item.sign_off_returned", "item.signed_off",
        "item.extension_requested", "item.extension_approved", "item.extension_rejected", "item.recurred", Reports.ReportWebhooks.ItemOverdue, AuditCheckpoint,
        Reports.ReportWebhooks.ReportGenerated,
    ];
}
