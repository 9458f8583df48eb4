using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Rectify.Application.Common.Errors;
using Rectify.Application.Reports;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Scheduling;

/// <summary>
/// One fire of a kind's schedule. The period is that of the latest fire at or before now, not the fire Quartz reports,
/// so late and repeated fires (a catch-up, a second instance) collapse onto one period, whose unique run makes the rest
/// no-ops. A recovered fire (its instance died mid-run) redoes the period it was fired for. The overdue job raises
/// item.overdue for newly overdue items first, so subscribers hear of them no later than the day's report.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReportJob : IJob
{
    public const string ServicesKey = "rectify.services";
    public const string KindKey = "kind";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var services = (IServiceProvider)context.Scheduler.Context[ServicesKey]!;
        var logger = services.GetRequiredService<ILogger<ReportJob>>();
        var kind = Enum.Parse<ReportKind>(context.MergedJobDataMap.GetString(KindKey)!);
        var schedule = services.GetRequiredService<ReportSchedules>().Of(kind);
        var at = context.Recovering
            ? OriginalFireTime(context) ?? context.ScheduledFireTimeUtc ?? DateTimeOffset.UtcNow
            : services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (schedule.LatestFireAtOrBefore(at) is not { } fire)
            return;
        var period = schedule.PeriodOf(fire);

        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        if (kind == ReportKind.Overdue && await OverdueNotices.RaiseAllAsync(sender, cancellationToken) is > 0 and var raised)
            logger.LogInformation("Raised item.overdue for {Count} newly overdue items.", raised);
        logger.LogInformation("Report run started: {Kind} {Period}{Recovering}.", Words.Of(kind), period.Name,
            context.Recovering ? " (recovering a run its instance did not finish)" : "");
        try
        {
            var run = await sender.Send(new RunReportCommand(kind, null, period), cancellationToken);
            logger.LogInformation("Report run made: {Kind} {Period} as {RunId}.", Words.Of(kind), period.Name, run.Id);
        }
        catch (ConflictException)
        {
            logger.LogInformation("Report run skipped: {Kind} {Period} was already made.", Words.Of(kind), period.Name);
        }
    }

    /// <summary>When the fire a recovery redoes was scheduled: Unix milliseconds or an ISO-8601 instant, as the store kept it.</summary>
    private static DateTimeOffset? OriginalFireTime(IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var value) &&
        value?.ToString() is { } text
            ? long.TryParse(text, CultureInfo.InvariantCulture, out var millis)
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
                : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                    ? instant
                    : null
            : null;
}
