namespace Rectify.Infrastructure.Persistence;

public enum SqlDialect
{
    Sqlite,
    SqlServer,
}

/// <summary>A statement whose text differs between the dialects; both variants sit side by side.</summary>
public sealed record DialectSql(string Sqlite, string SqlServer)
{
    public string For(SqlDialect dialect) => dialect == SqlDialect.SqlServer ? SqlServer : Sqlite;

    /// <summary>Appends the row limit each dialect spells its own way; the statement must end in ORDER BY.</summary>
    public static DialectSql Limited(string orderedSelect) => new(
        orderedSelect + "\nLIMIT @Limit",
        orderedSelect + "\nOFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY");
}
