using Microsoft.Extensions.DependencyInjection;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Persistence.Reports;

namespace Rectify.Infrastructure.Reports;

public static class ReportRegistration
{
    /// <summary>The four report builders behind <see cref="IReportBuilder"/>, their store, and the renderer.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<IReportStore, ReportStore>();
        services.AddScoped<InspectionFigures>();
        services.AddScoped<IReportKind, OverdueReport>();
        services.AddScoped<IReportKind, ProgressReport>();
        services.AddScoped<IReportKind, RankingReport>();
        services.AddScoped<IReportKind, SummaryReport>();
        services.AddScoped<IReportBuilder, ReportBuilder>();
        services.AddSingleton<IReportRenderer, ReportRenderer>();
        return services;
    }
}
