using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Items;
using Rectify.Application.Webhooks;

namespace Rectify.Application.Reports;

/// <summary>
/// Raises <c>item.overdue</c> for up to <paramref name="BatchSize"/> items whose overdue spell (item, due date,
/// recurrence count) has no notice yet, recording the notices in the same transaction. Returns how many it raised:
/// the caller repeats it until none are left, so a large ledger is worked through in small transactions. Instances
/// running it at once claim disjoint items: the claim inserts only spells nobody has recorded.
/// </summary>
public sealed record RaiseOverdueNoticesCommand(int BatchSize = RaiseOverdueNoticesCommand.DefaultBatchSize) : ICommand<int>
{
    public const int DefaultBatchSize = 500;
}

/// <summary>The overdue spells without a notice, claimed in the caller's transaction.</summary>
public interface IOverdueNoticeStore
{
    /// <summary>Records a notice for up to <paramref name="limit"/> unnoticed spells overdue on <paramref name="today"/>; their item ids.</summary>
    Task<IReadOnlyList<Guid>> ClaimAsync(DateOnly today, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}

public sealed class RaiseOverdueNoticesHandler(IOverdueNoticeStore notices, IItemQueries items, IWebhookOutbox outbox,
    OfficeCalendar calendar) : ICommandHandler<RaiseOverdueNoticesCommand, int>
{
    public async ValueTask<int> Handle(RaiseOverdueNoticesCommand command, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        var claimed = await notices.ClaimAsync(calendar.Today, now, command.BatchSize, cancellationToken);
        if (claimed.Count == 0)
            return 0;
        var responses = await items.ListByIdsAsync(claimed, cancellationToken);
        await outbox.EnqueueAsync(responses.Select(item => ReportWebhooks.Overdue(item, now)).ToList(), cancellationToken);
        return claimed.Count;
    }
}

/// <summary>What the overdue report runs first, scheduled or on request: every newly overdue item's event, batch by batch.</summary>
public static class OverdueNotices
{
    /// <summary>Raises item.overdue for every unnoticed overdue spell, one transaction per batch; how many it raised.</summary>
    public static async Task<int> RaiseAllAsync(ISender sender, CancellationToken cancellationToken)
    {
        var raised = 0;
        for (int batch; (batch = await sender.Send(new RaiseOverdueNoticesCommand(), cancellationToken)) > 0;)
            raised += batch;
        return raised;
    }
}
