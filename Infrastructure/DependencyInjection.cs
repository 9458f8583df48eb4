using Rectify.Application.Common.Tables;
using Rectify.Infrastructure.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Application.Access;
using Rectify.Application.Auditing;
using Rectify.Application.Clients;
using Rectify.Application.Common;
using Rectify.Application.Idempotency;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Clients;
using Rectify.Domain.Inspections;
using Rectify.Domain.Units;
using Rectify.Domain.Items;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Auditing;
using Rectify.Infrastructure.Persistence.Clients;
using Rectify.Infrastructure.Persistence.Idempotency;
using Rectify.Infrastructure.Persistence.Inspections;
using Rectify.Infrastructure.Persistence.Items;
using Rectify.Infrastructure.Persistence.Units;
using Rectify.Infrastructure.Reports;
using Rectify.Infrastructure.Webhooks;
using Rectify.Infrastructure.Scheduling;

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
        services.AddAuditing();
        services.AddScoped<IUnitStore, UnitStore>();
        services.AddScoped<IAggregateStore<OrgUnit>>(sp => sp.GetRequiredService<IUnitStore>());
        services.AddScoped<IClientStore, ClientStore>();
        services.AddScoped<IAggregateStore<ApiClient>>(sp => sp.GetRequiredService<IClientStore>());
        services.AddScoped<IInspectionStore, InspectionStore>();
        services.AddScoped<IAggregateStore<Inspection>>(sp => sp.GetRequiredService<IInspectionStore>());
        services.AddScoped(typeof(AggregateRepository<>));
        services.AddScoped<IItemStore, ItemStore>();
        services.AddScoped<IItemQueries, ItemQueries>();
        services.AddSingleton<Application.Ledger.ILedgerFileReader, Ledger.LedgerFileReader>();
        services.AddScoped<IAggregateStore<Item>>(sp => sp.GetRequiredService<IItemStore>());
        services.AddScoped<ProgressStore>();
        services.AddScoped<IProgressStore>(sp => sp.GetRequiredService<ProgressStore>());
        services.AddScoped<SignOffStore>();
        services.AddScoped<ISignOffStore>(sp => sp.GetRequiredService<SignOffStore>());
        services.AddScoped<ExtensionStore>();
        services.AddScoped<IExtensionStore>(sp => sp.GetRequiredService<ExtensionStore>());
        services.AddScoped<RecurrenceStore>();
        services.AddScoped<IRecurrenceStore>(sp => sp.GetRequiredService<RecurrenceStore>());
        services.AddScoped<Application.Statistics.IStatisticsStore, Persistence.Statistics.StatisticsStore>();

        services.AddSingleton(sp => (sp.GetRequiredService<IConfiguration>().GetSection(IdempotencyOptions.Section)
                                         .Get<IdempotencyOptions>() ?? new IdempotencyOptions()).Validated());
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddHostedService<IdempotencyPurgeService>();

        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(OfficeOptions.Section).Get<OfficeOptions>()
                                    ?? new OfficeOptions());
        services.AddSingleton<OfficeCalendar>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(AccessOptions.Section).Get<AccessOptions>()
                                    ?? new AccessOptions());
        services.AddScoped<AccessPolicy>();
        services.AddScoped<ItemAccess>();
        services.AddScoped<ItemListFilter>();
        services.AddScoped<ItemRepository>();
        services.AddScoped<ItemEditing>();
        services.AddWebhooks();
        services.AddReportScheduling();
        services.AddReports();
        services.AddSingleton<ITableWriter, TableWriter>();
        return services;
    }
}
