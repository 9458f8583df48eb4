using FluentValidation;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Rectify.Application.Common;
using Rectify.Infrastructure.Persistence;

namespace Rectify.Api;

/// <summary>
/// Failures an operator can fix — a setting, the data directory, the database, the port — told in one line naming what to
/// fix, for <c>rectify: …</c> on standard error and exit code 1 (2 for arguments a command refused). Anything else is a
/// bug and keeps its stack trace.
/// </summary>
public static class StartupFailure
{
    public static (int ExitCode, string Line)? Describe(Exception exception, IConfiguration configuration)
    {
        var chain = Chain(exception).ToList();
        if (chain.OfType<AddressInUseException>().Any())
            return (1, $"cannot listen: {chain.OfType<IOException>().FirstOrDefault()?.Message.TrimEnd('.') ?? "address in use"} " +
                       "(another process holds the port; choose another with --urls).");
        if (chain.OfType<CommandLineException>().FirstOrDefault() is { } refused)
            return (2, refused.Message);
        if (chain.OfType<ValidationException>().FirstOrDefault() is { } invalid)
            return (1, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage)));
        if (chain.OfType<InvalidSettingException>().FirstOrDefault() is { } setting)
            return (1, setting.Message);
        if (chain.OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.StartsWith(
                "Failed to convert configuration value", StringComparison.Ordinal)) is { } binding)
            return (1, $"bad configuration value: {binding.Message}");
        if (chain.OfType<SqliteException>().FirstOrDefault() is { } sqlite)
            return (1, $"cannot open the SQLite database {SqliteFile(configuration)} (Database:SqlitePath): {sqlite.Message}");
        if (chain.OfType<SqlException>().FirstOrDefault() is { } sql)
            return (1, $"cannot use SQL Server '{SqlServer(configuration)}' (ConnectionStrings:Rectify): " +
                       sql.Message.Split('\n')[0].Trim());
        if (chain.FirstOrDefault(e => e is IOException or UnauthorizedAccessException) is { } io)
            return (1, $"cannot write the data directory of {SqliteFile(configuration)} (Database:SqlitePath): {io.Message}");
        return null;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                    yield return inner;
        }
    }

    private static string SqliteFile(IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        var dataSource = new SqliteConnectionStringBuilder(options.ConnectionString ?? $"Data Source={options.SqlitePath}").DataSource;
        return $"'{Path.GetFullPath(dataSource)}'";
    }

    private static string SqlServer(IConfiguration configuration) =>
        new SqlConnectionStringBuilder(DatabaseOptions.From(configuration).ConnectionString).DataSource;
}
