using Rectify.Api;

namespace Rectify.IntegrationTests.Startup;

/// <summary>How the command line is read before the host sees it: no switch may swallow another's value.</summary>
public sealed class CommandLineTests
{
    [TestCase("--urls", "http://127.0.0.1:9000")]
    [TestCase("--environment", "Development")]
    [TestCase("--Office:TimeZone", "Asia/Shanghai")]
    [TestCase("--Database:SqlitePath=/tmp/x.db")]
    [TestCase("Database:SqlitePath=/tmp/x.db")]
    public void Parse_HostOptionsAndSettingOverrides_PassToTheHostAsGiven(params string[] args)
    {
        var command = CommandLine.Parse([CommandLine.SeedDemoSwitch, .. args]);

        Assert.That(command.Command, Is.EqualTo(Command.Run));
        Assert.That(command.SeedDemo, Is.True);
        Assert.That(command.HostArguments, Is.EqualTo(args));
    }

    [TestCase(new[] { "--seed-dmeo", "--urls", "http://127.0.0.1:9000" }, "unknown option '--seed-dmeo'")]
    [TestCase(new[] { "--migrate-only=true" }, "unknown option '--migrate-only=true'")]
    [TestCase(new[] { "-x" }, "unknown option '-x'")]
    [TestCase(new[] { "--urls" }, "option '--urls' needs a value")]
    [TestCase(new[] { "--Office:TimeZone", "--seed-demo" }, "option '--Office:TimeZone' needs a value")]
    [TestCase(new[] { "serve" }, "unexpected argument 'serve'")]
    [TestCase(new[] { "clients", "delete" }, "unknown command 'clients delete'")]
    [TestCase(new[] { "clients", "create", "--name", "镇政府" }, "clients create needs --name NAME and --scopes")]
    [TestCase(new[] { "clients", "create", "--name", "镇政府", "--scopes", "read,owner" }, "unknown scope 'owner'")]
    [TestCase(new[] { "clients", "create", "--name", "--scopes", "read" }, "option '--name' needs a value")]
    public void Parse_WhenAnArgumentCannotBeRead_RefusesNamingIt(string[] args, string message)
    {
        var refused = Assert.Throws<CommandLineException>(() => CommandLine.Parse(args));

        Assert.That(refused.Message, Does.StartWith(message));
    }

    [Test]
    public void Parse_ClientsCreate_ReadsNameScopesUnitAndLeavesSettingsToTheHost()
    {
        var command = CommandLine.Parse(["clients", "create", "--name", "镇政府", "--scopes", "read, report", "--unit", "ZF01",
            "--Database:SqlitePath", "/tmp/x.db"]);

        Assert.That(command.Command, Is.EqualTo(Command.CreateClient));
        Assert.That(command.ClientName, Is.EqualTo("镇政府"));
        Assert.That(command.ClientScopes, Is.EqualTo(new[] { "read", "report" }));
        Assert.That(command.ClientUnitCode, Is.EqualTo("ZF01"));
        Assert.That(command.HostArguments, Is.EqualTo(new[] { "--Database:SqlitePath", "/tmp/x.db" }));
    }
}
