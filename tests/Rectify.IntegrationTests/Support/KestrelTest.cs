using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Rectify.IntegrationTests.Support;

/// <summary>
/// A fixture whose service listens on Kestrel, as it runs in production: body limits are Kestrel's, and the in-memory
/// test server enforces none, and a program outside the test (a generated client) can call it at <see cref="Address"/>.
/// <see cref="Admin"/> carries the admin key.
/// </summary>
public abstract class KestrelTest
{
    private RectifyApp _app = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected Uri Address { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartOnKestrel()
    {
        _app = new RectifyApp();
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Admin = _app.CreateClient();
        Admin.DefaultRequestHeaders.Add("X-Api-Key", RectifyApp.AdminKey);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        Admin.Dispose();
        _app.Dispose();
    }
}
