namespace Rectify.IntegrationTests.Support;

/// <summary>
/// Base of HTTP test fixtures: one fresh service and database per fixture, an admin client on it, and a second office
/// key that reviews (a sign-off or an extension is decided by a client other than the one that asked).
/// </summary>
public abstract class ApiTest
{
    protected RectifyApp App { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected HttpClient Reviewer { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        App = new RectifyApp();
        Admin = App.Admin();
        Reviewer = await App.WithScopesAsync(["read", "review"]);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        Reviewer.Dispose();
        Admin.Dispose();
        App.Dispose();
    }

    protected static string NewCode(string prefix = "U") => prefix + Guid.NewGuid().ToString("N")[..8];
}
