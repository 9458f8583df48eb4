using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Rectify.Api;
using Rectify.Api.DemoData;
using Rectify.Api.Endpoints;
using Rectify.Api.Http;
using Rectify.Infrastructure;

if (args is ["--health-check", var probeUrl])
    return await HealthProbe.RunAsync(probeUrl);

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddInfrastructure();
builder.Services.AddApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseSwaggerUI(options =>
{
    options.DocumentTitle = "Rectify 督察整改台账";
    options.SwaggerEndpoint("/swagger/v1/swagger.json", "Rectify v1");
});
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseIdempotencyKeys();

app.MapHealthEndpoints();
app.MapUnitEndpoints();
app.MapClientEndpoints();
app.MapInspectionEndpoints();
app.MapItemEndpoints();
app.MapImportEndpoints();
app.MapStatisticsEndpoints();
app.MapReportEndpoints();
app.MapAuditEndpoints();
app.MapWebhookEndpoints();
app.MapReportRunEndpoints();

var migrateOnly = args.Contains(CommandLine.MigrateOnly);
await app.InitializeDatabaseAsync(forceMigrate: migrateOnly);
if (args.Contains(CommandLine.SeedDemo))
    await app.SeedDemoAsync();
if (migrateOnly)
    return 0;

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
        app.Logger.LogInformation("Swagger UI: {Address}/swagger", address.TrimEnd('/'));
});
await app.RunAsync();
return 0;
