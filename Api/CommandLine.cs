namespace Rectify.Api;

/// <summary>Rectify's own switches. They take no value, so they are kept away from the host's configuration,
/// whose command-line provider would read the next argument (say <c>--urls X</c>) as their value.</summary>
public static class CommandLine
{
    /// <summary>Apply the migrations and exit, for deployments that migrate as a separate step.</summary>
    public const string MigrateOnly = "--migrate-only";

    /// <summary>Load the demo ledger after the database is ready; the service then runs on.</summary>
    public const string SeedDemo = "--seed-demo";

    public static string[] HostArguments(string[] args) => args.Where(a => a is not (MigrateOnly or SeedDemo)).ToArray();
}
