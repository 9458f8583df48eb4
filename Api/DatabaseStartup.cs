using Mediator;
using Rectify.Application.Clients;
using Rectify.Application.Common.Errors;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Auditing;

namespace Rectify.Api;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations (unless switched off), loads the audit key (re-chaining an unkeyed trail once), and creates the
    /// first admin key on an empty database.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool forceMigrate = false)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStartup || forceMigrate)
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await app.Services.PrepareAuditTrailAsync(CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var configuredKey = app.Configuration["Auth:BootstrapAdminKey"];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Rectify.Startup");
        CreatedClientResponse? admin;
        try
        {
            admin = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new BootstrapAdminCommand(string.IsNullOrWhiteSpace(configuredKey) ? null : configuredKey));
        }
        catch (ConflictException)
        {
            // Another instance starting on the same database stored the same configured key a moment earlier.
            logger.LogInformation("Another instance created the first admin client; nothing to do.");
            return;
        }
        if (admin is null)
            return;
        if (configuredKey is { Length: > 0 })
            logger.LogWarning("No API clients existed: created admin client {ClientId} with the key from Auth:BootstrapAdminKey.", admin.Id);
        else
            logger.LogWarning("No API clients existed: created the first admin key {AdminKey} (client {ClientId}). " +
                              "It is shown only this once; store it now.", admin.Key, admin.Id);
    }
}
