namespace Rectify.IntegrationTests.Support;

/// <summary>Base of HTTP test fixtures: one fresh service and database per fixture, an admin client on it.</summary>
public abstract class ApiTest
{
    protected RectifyApp App { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        App = new RectifyApp();
        Admin = App.Admin();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        Admin.Dispose();
        App.Dispose();
    }

    protected static string NewCode(string prefix = "U") => prefix + Guid.NewGuid().ToString("N")[..8];
}
