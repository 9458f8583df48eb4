namespace Rectify.Api;

public enum Command
{
    Run,
    Help,
    CreateClient,
}

/// <summary>
/// The command line, read strictly before the host sees it. The host's configuration provider takes any
/// <c>--word</c> as a key and the next argument as its value, so a misspelt switch (<c>--seed-dmeo --urls X</c>)
/// would silently become the setting <c>seed-dmeo=--urls</c>. Here the rule is: Rectify's own switches, the host
/// options that take a value (<c>--urls X</c>, <c>--environment X</c>…), and configuration overrides shaped like a
/// setting (<c>--Section:Key value</c>, <c>--Key=Value</c>) pass; anything else starting with '-' is unknown.
/// </summary>
public sealed record CommandLine(Command Command, string[] HostArguments, bool MigrateOnly = false, bool SeedDemo = false,
    string? ClientName = null, IReadOnlyList<string>? ClientScopes = null, string? ClientUnitCode = null)
{
    /// <summary>Apply the migrations and exit, for deployments that migrate as a separate step.</summary>
    public const string MigrateOnlySwitch = "--migrate-only";

    /// <summary>Load the demo ledger after the database is ready; the service then runs on.</summary>
    public const string SeedDemoSwitch = "--seed-demo";

    private static readonly string[] HostOptions = ["urls", "environment", "contentRoot", "applicationName"];

    public const string Usage = """
        Rectify 督察整改台账 — the rectification ledger service.

        Usage:
          Rectify.Api [options]                 run the service (dotnet run --project Api -- [options])
          Rectify.Api clients create --name NAME --scopes SCOPE[,SCOPE…] [--unit CODE] [options]
                                                issue an API key and print it once (audited as the system)
          Rectify.Api --health-check URL        exit 0 when URL answers 2xx (the container's health check)
          Rectify.Api --help | -h               show this text

        Options:
          --migrate-only            apply the database migrations (and create the first admin key) and exit
          --seed-demo               load the demo ledger once, then run
          --urls URL[;URL…]         where to listen (default http://localhost:5080)
          --environment NAME        Development, Production…
          --Section:Key VALUE       set any setting, e.g. --Office:TimeZone Asia/Shanghai (or --Section:Key=VALUE)

        Scopes: read, write, report, review, admin (admin cannot be bound to a unit).

        Main settings (environment variables use __ for ':'):
          Database__Provider                  Sqlite (default) or SqlServer
          Database__SqlitePath                the SQLite file (default data/rectify.db)
          ConnectionStrings__Rectify          SQL Server connection string (Database__ConnectionString also works)
          Database__MigrateOnStartup          true (default); false when deployments run --migrate-only
          Auth__BootstrapAdminKey             the first admin key, used only on a database without clients
          Office__TimeZone                    what "today" is for due dates (default Asia/Shanghai)
          Reports__Schedules__overdue__Cron   a report schedule (Quartz cron); also progress, ranking, summary
          Reports__Scheduling__Enabled        whether this instance runs the report schedules (default true)
          Audit__Key                          the audit key (base64, 32+ bytes); required on SQL Server
          Audit__KeyFile                      where the audit key file is kept when Audit__Key is not set
          Webhooks__AllowPrivateTargets       let webhooks reach private addresses (default false)
        The README's Configuration section lists every setting.

        Exit codes: 0 done, 1 the service could not start or the command failed, 2 a bad command line.
        """;

    /// <summary>Reads the arguments; on a bad command line, throws <see cref="CommandLineException"/> naming the argument.</summary>
    public static CommandLine Parse(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h"))
            return new CommandLine(Command.Help, []);
        if (args is ["clients", .. var rest])
            return rest is ["create", .. var options]
                ? ParseCreateClient(options)
                : throw new CommandLineException(rest.Length == 0 ? "'clients' needs a command: clients create" : $"unknown command 'clients {rest[0]}'");

        var host = new List<string>();
        bool migrateOnly = false, seedDemo = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case MigrateOnlySwitch:
                    migrateOnly = true;
                    break;
                case SeedDemoSwitch:
                    seedDemo = true;
                    break;
                default:
                    i = TakeHostArgument(args, i, host);
                    break;
            }
        }
        return new CommandLine(Command.Run, host.ToArray(), migrateOnly, seedDemo);
    }

    private static CommandLine ParseCreateClient(string[] args)
    {
        var host = new List<string>();
        string? name = null, scopes = null, unit = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--name":
                    name = ValueOf(args, i++);
                    break;
                case "--scopes":
                    scopes = ValueOf(args, i++);
                    break;
                case "--unit":
                    unit = ValueOf(args, i++);
                    break;
                default:
                    i = TakeHostArgument(args, i, host);
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(scopes))
            throw new CommandLineException("clients create needs --name NAME and --scopes SCOPE[,SCOPE…]");
        var scopeList = scopes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (scopeList.FirstOrDefault(s => !Application.Clients.Scopes.All.Contains(s)) is { } unknown)
            throw new CommandLineException(
                $"unknown scope '{unknown}' (scopes are {string.Join(", ", Application.Clients.Scopes.All)})");
        return new CommandLine(Command.CreateClient, host.ToArray(), ClientName: name.Trim(), ClientScopes: scopeList,
            ClientUnitCode: string.IsNullOrWhiteSpace(unit) ? null : unit.Trim());
    }

    /// <summary>Adds the host argument at <paramref name="i"/> (and its value) to <paramref name="host"/>; returns the last index used.</summary>
    private static int TakeHostArgument(string[] args, int i, List<string> host)
    {
        var arg = args[i];
        if (!arg.StartsWith('-'))
            // The configuration provider's own "Key=Value" form; a bare word means nothing here.
            return arg.Contains('=') ? Add(arg) : throw new CommandLineException($"unexpected argument '{arg}'");
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            throw Unknown(arg);
        var key = arg[2..];
        if (key.Contains('='))
            // Rectify's switches take no value: "--seed-demo=true" would be a setting nobody reads.
            return key.StartsWith('=') || $"--{key[..key.IndexOf('=')]}" is MigrateOnlySwitch or SeedDemoSwitch
                ? throw Unknown(arg)
                : Add(arg);
        if (!key.Contains(':') && !HostOptions.Contains(key, StringComparer.OrdinalIgnoreCase))
            throw Unknown(arg);
        host.Add(arg);
        host.Add(ValueOf(args, i));
        return i + 1;

        int Add(string argument)
        {
            host.Add(argument);
            return i;
        }
    }

    /// <summary>The value after the option at <paramref name="i"/>: present, and not another option.</summary>
    private static string ValueOf(string[] args, int i) =>
        i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[i + 1]
            : throw new CommandLineException($"option '{args[i]}' needs a value");

    private static CommandLineException Unknown(string arg) => new($"unknown option '{arg}'");
}

/// <summary>A command line that cannot be run as given; the message names the argument.</summary>
public sealed class CommandLineException(string message) : Exception(message);
