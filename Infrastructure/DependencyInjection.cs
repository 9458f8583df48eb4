using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Application.Auditing;
using Rectify.Application.Clients;
using Rectify.Application.Common;
using Rectify.Application.Units;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Auditing;
using Rectify.Infrastructure.Persistence.Clients;
using Rectify.Infrastructure.Persistence.Units;

namespace Rectify.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        DapperTypeHandlers.Register();
        // Read when first resolved, not now: test hosts and the command line override configuration after registration.
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<DbSession>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<DbSession>());
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditLog>());
        services.AddScoped<IUnitStore, UnitStore>();
        services.AddScoped<IClientStore, ClientStore>();
        return services;
    }
}
