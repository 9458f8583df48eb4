using Microsoft.Extensions.Configuration;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public SqlDialect Provider { get; set; } = SqlDialect.Sqlite;

    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public string SqlitePath { get; set; } = "data/rectify.db";

    /// <summary>From <c>ConnectionStrings:Rectify</c>; required for SqlServer, optional for Sqlite.</summary>
    public string? ConnectionString { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        // Checked before binding, whose own failure would not list the providers there are.
        if (configuration[$"{Section}:{nameof(Provider)}"] is { Length: > 0 } provider &&
            !Enum.GetNames<SqlDialect>().Contains(provider, StringComparer.OrdinalIgnoreCase))
            throw new InvalidSettingException(
                $"{Section}:{nameof(Provider)} '{provider}' is not a database provider: use {string.Join(" or ", Enum.GetNames<SqlDialect>())}.");
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Rectify");
        return options;
    }
}
