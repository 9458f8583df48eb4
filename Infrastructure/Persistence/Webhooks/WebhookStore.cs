using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Webhooks;
using Rectify.Domain.Webhooks;

namespace Rectify.Infrastructure.Persistence.Webhooks;

internal sealed class WebhookStore(DbSession db) : IWebhookStore
{
    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<SubscriptionRow>(WebhookSql.FindById, new { Id = id }, cancellationToken))?.ToSubscription();

    public async Task<Page<WebhookSubscription>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<SubscriptionRow>(db.Pick(WebhookSql.List), new { AfterSeq = after.Seq, Limit = limit + 1 },
            cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToSubscription());
    }

    public string EntityType => "webhook";

    /// <summary>
    /// Inserts a new subscription, writes a changed one over the version read, or removes a deleted one with its
    /// deliveries and their attempts; 412 when someone else changed it first.
    /// </summary>
    public async Task WriteAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.IsNew)
        {
            await db.ExecuteAsync(WebhookSql.Insert, Parameters(subscription), cancellationToken);
            return;
        }
        if (subscription.IsDeleted)
        {
            await db.ExecuteAsync(WebhookSql.DeleteAttempts, new { subscription.Id }, cancellationToken);
            await db.ExecuteAsync(WebhookSql.DeleteDeliveries, new { subscription.Id }, cancellationToken);
        }
        var written = subscription.IsDeleted
            ? await db.ExecuteAsync(WebhookSql.Delete, new { subscription.Id, Version = subscription.Version - 1 }, cancellationToken)
            : await db.ExecuteAsync(WebhookSql.Update, Parameters(subscription), cancellationToken);
        if (written == 0)
            throw new StaleVersionException("Webhook", subscription.Id);
    }

    private static object Parameters(WebhookSubscription s) => new
    {
        s.Id, s.Url, Events = EventList.Write(s.EventTypes), s.UnitId, s.Active, s.Description, s.Secret, s.DisabledReason,
        s.Version, PreviousVersion = s.Version - 1, s.CreatedAt, s.UpdatedAt,
    };

    private sealed class SubscriptionRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Url { get; init; } = "";
        public string Events { get; init; } = "";
        public Guid? UnitId { get; init; }
        public bool Active { get; init; }
        public string? Description { get; init; }
        public string Secret { get; init; } = "";
        public string? DisabledReason { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public WebhookSubscription ToSubscription() => WebhookSubscription.Restore(Id, Url, EventList.Read(Events), UnitId,
            Active, Description, Secret, DisabledReason, Version, CreatedAt, UpdatedAt);
    }
}

/// <summary>
/// Subscribed types are stored between commas, <c>,item.created,item.updated,</c>, so "does it take this type" is one
/// LIKE on a whole name (<see cref="Pattern"/>) in either dialect, with no child table to join.
/// </summary>
internal static class EventList
{
    public static string Write(IEnumerable<string> events) => "," + string.Join(',', events) + ",";

    public static IReadOnlyList<string> Read(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The LIKE pattern of one type, its <c>_</c> escaped; use with <c>ESCAPE '\'</c>.</summary>
    public static string Pattern(string eventType) => SqlText.ContainsPattern("," + eventType + ",")!;
}
