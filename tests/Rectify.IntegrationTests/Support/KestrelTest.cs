namespace Rectify.IntegrationTests.Support;

/// <summary>
/// A fixture whose service listens on Kestrel, as it runs in production: body limits are Kestrel's, and the in-memory
/// test server enforces none. <see cref="Admin"/> carries the admin key.
/// </summary>
public abstract class KestrelTest
{
    private RectifyApp _app = null!;
    protected HttpClient Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartOnKestrel()
    {
        _app = new RectifyApp();
        _app.UseKestrel(0);
        _app.StartServer();
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
