using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Webhooks;

namespace Rectify.IntegrationTests.Startup;

/// <summary>The real process as an operator runs it: what it prints, and how it exits, for help, bad arguments and failed starts.</summary>
public sealed class OperatorCommandLineTests
{
    private readonly List<string> _paths = [];

    [TearDown]
    public void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _paths.Where(Directory.Exists))
            Directory.Delete(path, recursive: true);
        foreach (var path in _paths.Where(File.Exists))
            File.Delete(path);
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Help_PrintsUsageAndExits0WithoutStarting(string flag)
    {
        var run = await ApiCommand.RunAsync([flag, "--urls", $"http://127.0.0.1:{FreePort()}"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("--migrate-only").And.Contain("--seed-demo").And.Contain("--urls")
            .And.Contain("clients create --name NAME --scopes").And.Contain("Database__SqlitePath")
            .And.Contain("Reports__Schedules__overdue__Cron").And.Contain("Office__TimeZone").And.Contain("Audit__Key"));
        Assert.That(run.Output, Does.Not.Contain("Now listening").And.Not.Contain("Applied migration"));
    }

    [Test]
    public async Task UnknownFlag_BeforeUrls_Exits2NamingItInsteadOfSwallowingUrls()
    {
        var run = await ApiCommand.RunAsync(["--seed-dmeo", "--urls", $"http://127.0.0.1:{FreePort()}"],
            new Dictionary<string, string> { ["Database__SqlitePath"] = NewDatabasePath() });

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.OneErrorLine(), Is.EqualTo("rectify: unknown option '--seed-dmeo' (see --help)"));
    }

    [Test]
    public async Task Start_WhenTheDataDirectoryCannotBeMade_Exits1WithOneLineNamingThePath()
    {
        // Root writes anywhere, so the directory is made impossible instead: a path below a regular file.
        var file = Path.Combine(Path.GetTempPath(), $"rectify-file-{Guid.NewGuid():N}");
        _paths.Add(file);
        await File.WriteAllTextAsync(file, "not a directory");
        var databasePath = Path.Combine(file, "data", "rectify.db");

        var run = await ApiCommand.RunAsync(["--urls", $"http://127.0.0.1:{FreePort()}"],
            new Dictionary<string, string> { ["Database__SqlitePath"] = databasePath });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.OneErrorLine(), Does.StartWith("rectify: ").And.Contain(databasePath).And.Contain("Database:SqlitePath"));
    }

    [Test]
    public async Task Start_WhenThePortIsTaken_Exits1WithOneLineNamingThePort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await ApiCommand.RunAsync(["--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string> { ["Database__SqlitePath"] = NewDatabasePath() });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.OneErrorLine(), Does.Contain($"127.0.0.1:{port}").And.Contain("already in use").And.Contain("--urls"));
    }

    [TestCase("Reports__Schedules__overdue__Cron", "every morning", "Reports:Schedules:overdue:Cron 'every morning'")]
    [TestCase("Database__Provider", "Oracle", "Database:Provider 'Oracle'")]
    [TestCase("Office__TimeZone", "Asia/Beijing", "Office:TimeZone 'Asia/Beijing'")]
    [TestCase("Office__WarningBlueDays", "seven", "'Office:WarningBlueDays'")]
    public async Task Start_WithABadSetting_Exits1WithOneLineNamingTheSettingBeforeTouchingTheDatabase(
        string setting, string value, string named)
    {
        var databasePath = NewDatabasePath();

        var run = await ApiCommand.RunAsync(["--urls", $"http://127.0.0.1:{FreePort()}"],
            new Dictionary<string, string> { ["Database__SqlitePath"] = databasePath, [setting] = value });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.OneErrorLine(), Does.StartWith("rectify: ").And.Contain(named));
        Assert.That(File.Exists(databasePath), Is.False, "nothing is migrated before the settings are read");
    }

    [Test]
    public async Task ClientsCreate_PrintsOnlyTheNewKey_WhichThenAuthenticatesWithItsScopes()
    {
        var databasePath = NewDatabasePath();
        var settings = new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = databasePath,
            ["Auth__BootstrapAdminKey"] = RectifyApp.AdminKey,
        };

        var run = await ApiCommand.RunAsync(["clients", "create", "--name", "市整改办", "--scopes", "read,review"], settings);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var key = run.Output.Trim();
        Assert.That(key, Does.StartWith("rk_").And.Not.Contain("\n"), "standard output carries the key alone");
        await using var api = await ApiProcess.StartAsync(databasePath, new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var read = await client.GetAsync("/api/v1/items");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        using var write = await client.PostAsJsonAsync("/api/v1/units", new { code = "U1", name = "区生态环境局", kind = "department" });
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the key holds only read and review");
        using var admin = api.Admin();
        var clients = await admin.GetStringAsync("/api/v1/clients");
        Assert.That(clients, Does.Contain("市整改办"));
    }

    [Test]
    public async Task ClientsCreate_WithAnUnknownUnitCode_Exits1WithOneLineAndCreatesNoClient()
    {
        var settings = await MigratedDatabaseAsync();

        var run = await ApiCommand.RunAsync(["clients", "create", "--name", "镇政府", "--scopes", "read", "--unit", "NO-SUCH-UNIT"], settings);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.OneErrorLine(), Is.EqualTo("rectify: no unit has the code 'NO-SUCH-UNIT'."));
        Assert.That(run.Output, Does.Not.Contain("rk_"));
    }

    [Test]
    public async Task ClientsCreate_WithANameTheApiWouldRefuse_Exits2NamingTheArgument()
    {
        var settings = await MigratedDatabaseAsync();

        var run = await ApiCommand.RunAsync(["clients", "create", "--name", new string('名', 101), "--scopes", "read"], settings);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.OneErrorLine(), Does.StartWith("rectify: --name: "));
    }

    /// <summary>A database migrated by --migrate-only first, so a command's own run logs nothing about creating it.</summary>
    private async Task<Dictionary<string, string>> MigratedDatabaseAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__SqlitePath"] = NewDatabasePath(),
            ["Auth__BootstrapAdminKey"] = RectifyApp.AdminKey,
        };
        var migrate = await ApiCommand.RunAsync(["--migrate-only"], settings);
        Assert.That(migrate.ExitCode, Is.EqualTo(0), migrate.Output + migrate.Error);
        return settings;
    }

    private string NewDatabasePath()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"rectify-cli-{Guid.NewGuid():N}");
        _paths.Add(directory);
        return Path.Combine(directory, "rectify.db");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
