using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Rectify.Infrastructure.Persistence;

namespace Rectify.Infrastructure.Scheduling;

/// <summary>
/// Runs the report schedules on Quartz's ADO.NET job store in Rectify's own database. On SQL Server every instance runs
/// a clustered scheduler and Quartz's row locks share the fires out. On SQLite Quartz refuses clustering, so the
/// instance holding the scheduler lease runs a (non-clustered) scheduler on the same tables and the others wait for the
/// lease; a new holder's scheduler recovers the runs the previous one did not finish and fires, once, what was missed.
/// The schedules are checked at start whether or not scheduling is on, since manual runs name periods by them too.
/// </summary>
internal sealed class ReportSchedulerService(
    IServiceProvider services,
    ReportSchedules schedules,
    SchedulingOptions options,
    ConnectionFactory connections,
    SchedulerLease lease,
    ILoggerFactory loggers) : BackgroundService
{
    private const string Group = "reports";
    private readonly ILogger _logger = loggers.CreateLogger<ReportSchedulerService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        Quartz.Diagnostics.LogProvider.SetLogProvider(loggers);
        var clustered = connections.Dialect == SqlDialect.SqlServer;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (clustered || await TakeLeaseAsync(stoppingToken))
                        await RunAsync(clustered, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A scheduler that cannot start (the database away, a schema behind Quartz) must not stop the API.
                    _logger.LogError(e, "The report scheduler failed; it is tried again in {Interval}.", options.CheckinInterval);
                }
                await Task.Delay(options.CheckinInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs a scheduler until the service stops or, on SQLite, until the lease is lost.</summary>
    private async Task RunAsync(bool clustered, CancellationToken stoppingToken)
    {
        var scheduler = await StartSchedulerAsync(clustered, stoppingToken);
        var lost = false;
        try
        {
            while (true)
            {
                await Task.Delay(options.CheckinInterval, stoppingToken);
                if (clustered || await TakeLeaseAsync(stoppingToken))
                    continue;
                lost = true;
                _logger.LogWarning("The report scheduler lease was lost; this instance stops scheduling until it holds it again.");
                return;
            }
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: !lost, CancellationToken.None);
            if (!clustered && !lost)
                await lease.ReleaseAsync();
        }
    }

    private async Task<bool> TakeLeaseAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await lease.TakeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Taking the report scheduler lease failed; counted as not held.");
            return false;
        }
    }

    private async Task<IScheduler> StartSchedulerAsync(bool clustered, CancellationToken stoppingToken)
    {
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = 2);
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(o => o.MisfireThreshold = options.MisfireThreshold);
                if (!clustered)
                {
                    store.UseSqlite(connections.ConnectionString);
                    return;
                }
                store.UseSqlServer(connections.ConnectionString);
                // Clustering gives each node a generated instance id (Quartz's AUTO) unless one is set.
                store.UseClustering(cluster => cluster.CheckinInterval = options.CheckinInterval);
            });
        }).BuildScheduler(stoppingToken);
        scheduler.Context[ReportJob.ServicesKey] = services;
        try
        {
            await ReconcileAsync(scheduler, stoppingToken);
            await scheduler.Start(stoppingToken);
        }
        catch
        {
            await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None);
            throw;
        }
        _logger.LogInformation("Report scheduler started ({Mode}).",
            clustered ? $"clustered, instance {scheduler.SchedulerInstanceId}" : $"SQLite, lease holder {lease.Holder}");
        return scheduler;
    }

    /// <summary>
    /// Brings the stored triggers in line with configuration, leaving an unchanged trigger alone: its stored next fire
    /// time, if it passed while every instance was down, is what makes the missed run happen once now (the misfire).
    /// A new or changed trigger starts from now, so a fresh database makes no catch-up run.
    /// </summary>
    private async Task ReconcileAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var schedule in schedules.All)
        {
            var name = Domain.Common.Words.Of(schedule.Kind);
            var triggerKey = new TriggerKey(name, Group);
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger stored &&
                stored.CronExpressionString == schedule.CronText && stored.TimeZone.Id == schedule.Zone.Id)
                continue;
            var job = JobBuilder.Create<ReportJob>().WithIdentity(name, Group).UsingJobData(ReportJob.KindKey, schedule.Kind.ToString())
                .RequestRecovery().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(job)
                .WithCronSchedule(schedule.CronText, cron => cron.InTimeZone(schedule.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            _logger.LogInformation("Scheduled the {Kind} report: '{Cron}' in {Zone}.", name, schedule.CronText, schedule.Zone.Id);
        }
    }
}
