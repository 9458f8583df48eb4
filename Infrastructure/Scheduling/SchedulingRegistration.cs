using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Persistence.ReportRuns;

namespace Rectify.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    public static IServiceCollection AddReportScheduling(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReportSchedules(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IReportSchedules>(sp => sp.GetRequiredService<ReportSchedules>());
        services.AddSingleton(sp => (sp.GetRequiredService<IConfiguration>().GetSection(SchedulingOptions.Section).Get<SchedulingOptions>()
                                     ?? new SchedulingOptions()).Validated());
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(ReportRunOptions.Section).Get<ReportRunOptions>()
                                    ?? new ReportRunOptions());
        services.AddSingleton<SchedulerLease>();
        services.AddScoped<IReportRunStore, ReportRunStore>();
        services.AddScoped<IOverdueNoticeStore, OverdueNoticeStore>();
        // Resolving the service reads and checks every schedule, so a bad cron or time zone fails the start.
        services.AddSingleton<IHostedService, ReportSchedulerService>();
        return services;
    }
}
