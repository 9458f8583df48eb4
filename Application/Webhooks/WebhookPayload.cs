using System.Text.Json;
using Rectify.Application.Common;

namespace Rectify.Application.Webhooks;

/// <summary>
/// The body subscribers receive, <c>{"type", "timestamp", "data"}</c> (Standard Webhooks), in the API's JSON
/// conventions. Serialized once, when the event is enqueued, so every retry sends the same bytes.
/// </summary>
public static class WebhookPayload
{
    public static string Serialize(WebhookEvent webhookEvent) =>
        JsonSerializer.Serialize(new Body(webhookEvent.Type, webhookEvent.Timestamp, webhookEvent.Data), ApiJson.Options);

    private sealed record Body(string Type, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?> Data);
}
