using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Application.Common;
using Rectify.Application.Webhooks;
using Rectify.Domain.Webhooks;
using Rectify.Infrastructure.Persistence.Webhooks;

namespace Rectify.Infrastructure.Webhooks;

public static class WebhookRegistration
{
    /// <summary>Subscriptions, the outbox the save path writes to, and the dispatcher that sends it.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(WebhookOptions.Section).Get<WebhookOptions>()
                                    ?? new WebhookOptions());
        services.AddSingleton<WebhookTargetPolicy>();
        services.AddSingleton<IWebhookTargetPolicy>(sp => sp.GetRequiredService<WebhookTargetPolicy>());
        services.AddScoped<IWebhookStore, WebhookStore>();
        services.AddScoped<IAggregateStore<WebhookSubscription>>(sp => sp.GetRequiredService<IWebhookStore>());
        services.AddScoped<IWebhookDeliveryStore, WebhookDeliveryStore>();
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddScoped<WebhookDispatchStore>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) => client.Timeout = sp.GetRequiredService<WebhookOptions>().Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect could lead anywhere, a proxy would be dialled instead of the target: neither is followed.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookTargetPolicy>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // Every attempt is stored (GET .../deliveries) and failures are logged by the dispatcher: four lines per request are noise.
            .RemoveAllLoggers();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
