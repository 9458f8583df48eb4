using Rectify.Infrastructure.Demo;

namespace Rectify.Api.DemoData;

/// <summary>The <c>--seed-demo</c> switch: loads the demo ledger after the database is ready, then the service runs on.</summary>
public static class DemoStartup
{
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DemoLedger.SeedAsync(scope.ServiceProvider, CancellationToken.None);
    }
}
