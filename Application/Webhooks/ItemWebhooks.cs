using Rectify.Application.Items;
using Rectify.Domain.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Webhooks;

/// <summary>
/// Which item events subscribers receive, under which of <see cref="WebhookEventTypes.Subscribable"/>, and with which of
/// the change's own values.
/// </summary>
public static class ItemWebhooks
{
    /// <summary>The webhook event for a recorded item event; <paramref name="item"/> is the item at the saved version.</summary>
    public static WebhookEvent? From(RecordedEvent recorded, ItemResponse item, DateTimeOffset now)
    {
        (string Type, KeyValuePair<string, object?>? Own)? shape = recorded.Event switch
        {
            ItemCreated => ("item.created", null),
            ItemEdited or UnitsReassigned => ("item.updated", Own("changes", recorded.Changes)),
            MeasureAdded e => ("item.measure_added", Own("measure", MeasureResponse.From(e.Measure))),
            MeasureImplemented e => ("item.measure_implemented", Own("measure", MeasureResponse.From(e.Measure))),
            MeasureChanged e => ("item.updated", Own("measure", MeasureResponse.From(e.Measure))),
            ProgressReported e => ("item.progress_reported", Own("report", e.Report)),
            ItemCompleted => ("item.completed", null),
            SignOffRequested e => ("item.sign_off_requested", Own("request", e.Request)),
            SignOffStepApproved e => ("item.sign_off_approved", Own("review", e.Review)),
            SignOffReturned e => ("item.sign_off_returned", Own("review", e.Review)),
            ItemSignedOff e => ("item.signed_off", Own("request", e.Request)),
            ExtensionRequested e => ("item.extension_requested", Own("extension", ExtensionResponse.From(e.Extension))),
            ExtensionApproved e => ("item.extension_approved", Own("extension", ExtensionResponse.From(e.Extension))),
            ExtensionRejected e => ("item.extension_rejected", Own("extension", ExtensionResponse.From(e.Extension))),
            ItemRecurred e => ("item.recurred", Own("recurrence", e.Recurrence)),
            _ => null,
        };
        if (shape is not { } s)
            return null;
        var data = new Dictionary<string, object?> { ["item"] = item };
        if (s.Own is { } own)
            data[own.Key] = own.Value;
        return new WebhookEvent(recorded.Id, s.Type, now, item.Id, data);
    }

    private static KeyValuePair<string, object?> Own(string name, object? value) => new(name, value);
}
