using Rectify.Application.Auditing;

namespace Rectify.Application.Webhooks;

/// <summary>The audited fields of a subscription. The secret is never one of them.</summary>
internal static class AuditedWebhook
{
    public const string EntityType = "webhook";

    public static IReadOnlyList<FieldChange> Snapshot(WebhookSubscription? before, WebhookSubscription after) => new Changes()
        .Field("url", before?.Url, after.Url)
        .Field("events", before is null ? null : string.Join(',', before.Events), string.Join(',', after.Events))
        .Field("unitId", before?.UnitId, after.UnitId)
        .Field("active", before?.Active, after.Active)
        .Field("description", before?.Description, after.Description)
        .Field("disabledReason", before?.DisabledReason, after.DisabledReason)
        .ToList();
}
