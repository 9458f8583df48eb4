using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Application.Auditing;

namespace Rectify.Infrastructure.Persistence.Auditing;

public static class AuditRegistration
{
    /// <summary>The keyed audit trail: the log the save path writes to, verification, checkpoints and their schedule.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddSingleton(sp => (sp.GetRequiredService<IConfiguration>().GetSection(AuditOptions.Section).Get<AuditOptions>()
                                     ?? new AuditOptions()).Validated());
        services.AddSingleton<AuditKey>();
        services.AddSingleton<IAuditKey>(sp => sp.GetRequiredService<AuditKey>());
        services.AddSingleton<AuditKeySource>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<IAuditVerifier, AuditVerifier>();
        services.AddScoped<IAuditCheckpointStore, AuditCheckpointStore>();
        services.AddScoped<AuditTrailPreparation>();
        services.AddHostedService<AuditCheckpointService>();
        return services;
    }

    /// <summary>Loads the audit key and re-chains an unkeyed trail; once per start, after the migrations, before anything is audited.</summary>
    public static async Task PrepareAuditTrailAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditTrailPreparation>().RunAsync(cancellationToken);
    }
}
