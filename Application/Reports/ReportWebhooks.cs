using Rectify.Application.Items;
using Rectify.Application.Webhooks;

namespace Rectify.Application.Reports;

/// <summary>The events of scheduled reports: <c>report.generated</c> for a stored run, <c>item.overdue</c> for an overdue spell.</summary>
public static class ReportWebhooks
{
    public const string ReportGenerated = "report.generated";
    public const string ItemOverdue = "item.overdue";

    /// <summary>The run's identity, where to fetch it in each format, and its headline figures (never its rows).</summary>
    public static WebhookEvent Generated(ReportRunResponse run, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), ReportGenerated, now, ItemId: null, new Dictionary<string, object?>
        {
            ["run"] = new
            {
                run.Id,
                run.Kind,
                run.Period,
                run.AsOf,
                run.GeneratedAt,
                run.Trigger,
                run.Figures,
                Links = new Dictionary<string, string>
                {
                    ["json"] = $"{run.Href}?format=json",
                    ["csv"] = $"{run.Href}?format=csv",
                    ["xlsx"] = $"{run.Href}?format=xlsx",
                    ["text"] = $"{run.Href}?format=text",
                },
            },
        });

    /// <summary>The item as GET shows it, and how many days it is overdue.</summary>
    public static WebhookEvent Overdue(ItemResponse item, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), ItemOverdue, now, item.Id, new Dictionary<string, object?>
        {
            ["item"] = item,
            ["overdueDays"] = item.OverdueDays,
        });
}
