using Microsoft.Playwright;

namespace Rectify.BrowserTests.Support;

/// <summary>
/// One service and one headless Chromium per fixture, a fresh browser context (no stored authorization) per test.
/// Playwright drives Debian's Chromium: it never downloads a browser of its own.
/// </summary>
public abstract class SwaggerUiTest
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;

    protected RectifyServer Server { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowserAsync()
    {
        Server = RectifyServer.Start();
        Admin = Server.Admin();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _context.SetDefaultTimeout(10_000);
        Page = await _context.NewPageAsync();
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"rectify-{TestContext.CurrentContext.Test.Name}.png");
            await Page.ScreenshotAsync(new() { Path = screenshot, FullPage = false });
            TestContext.Out.WriteLine($"Screenshot: {screenshot}");
        }
        await _context.DisposeAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowserAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        Server?.Dispose();
    }

    /// <summary>Opens Swagger UI and waits until the operations of the document are listed.</summary>
    protected async Task OpenSwaggerUiAsync()
    {
        await Page.GotoAsync(new Uri(Server.Address, "/swagger").ToString());
        await Page.Locator(".opblock").First.WaitForAsync();
    }

    /// <summary>Clicks Authorize, enters the key for X-Api-Key, authorizes and closes the dialog.</summary>
    protected async Task AuthorizeAsync(string key)
    {
        await Page.Locator(".auth-wrapper button.authorize").ClickAsync();
        var dialog = Page.Locator(".modal-ux");
        await dialog.Locator("input[type='text']").FillAsync(key);
        await dialog.Locator("button.authorize").ClickAsync();
        await dialog.Locator("button.btn-done").ClickAsync();
        await dialog.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
    }

    /// <summary>Expands one operation and switches it to "Try it out".</summary>
    protected async Task<ILocator> TryOutAsync(string method, string path)
    {
        var operation = Page.Locator(
            $".opblock-{method.ToLowerInvariant()}:has(.opblock-summary-path[data-path='{path}'])");
        await operation.Locator(".opblock-summary").ClickAsync();
        await operation.Locator(".try-out__btn").ClickAsync();
        return operation;
    }

    /// <summary>Executes the operation and returns the status code Swagger UI shows for the live response.</summary>
    protected static async Task<string> ExecuteAsync(ILocator operation)
    {
        await operation.Locator("button.execute").ClickAsync();
        var status = operation.Locator(".live-responses-table tr.response .response-col_status").First;
        await status.WaitForAsync();
        return (await status.InnerTextAsync()).Trim();
    }
}
