using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;
using Rectify.Api;
using Rectify.Api.DemoData;
using Rectify.Api.Endpoints;
using Rectify.Api.Http;
using Rectify.Application.Common;
using Rectify.Application.Reports;
using Rectify.Infrastructure;

if (args is ["--health-check", var probeUrl])
    return await HealthProbe.RunAsync(probeUrl);

CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (CommandLineException e)
{
    await Console.Error.WriteLineAsync($"rectify: {e.Message} (see --help)");
    return 2;
}
if (command.Command == Command.Help)
{
    await Console.Out.WriteLineAsync(CommandLine.Usage);
    return 0;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// Until the service has started, the one-line failure below replaces the host's own report of it, stack trace included.
var started = false;
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= (started ? LogLevel.Warning : LogLevel.Critical));
if (command.Command == Command.CreateClient)
    // Standard output carries only the new key, so a script can capture it.
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
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

try
{
    // Read the office and report-schedule settings now, so a bad one fails the start before anything is migrated.
    app.Services.GetRequiredService<OfficeCalendar>();
    app.Services.GetRequiredService<IReportSchedules>();
    if (command.Command == Command.CreateClient)
        return await CreateClientFromCommandLine.RunAsync(app, command);

    await app.InitializeDatabaseAsync(forceMigrate: command.MigrateOnly);
    if (command.SeedDemo)
        await app.SeedDemoAsync();
    if (command.MigrateOnly)
        return 0;

    app.Lifetime.ApplicationStarted.Register(() =>
    {
        started = true;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            app.Logger.LogInformation("Swagger UI: {Address}/swagger", address.TrimEnd('/'));
    });
    await app.RunAsync();
    return 0;
}
// Only when this process is the service: a host running the entry point in its own process (WebApplicationFactory) gets
// the exception itself.
catch (Exception e) when (Assembly.GetEntryAssembly() == typeof(Program).Assembly &&
                          StartupFailure.Describe(e, builder.Configuration) is var (exitCode, line))
{
    app.Logger.LogDebug(e, "Start-up failed");
    await Console.Error.WriteLineAsync($"rectify: {line}");
    return exitCode;
}
