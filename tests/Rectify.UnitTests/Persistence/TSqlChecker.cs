using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Rectify.UnitTests.Persistence;

/// <summary>Parses T-SQL as SQL Server 2022 would; returns the parse errors with line and column.</summary>
public static class TSqlChecker
{
    public static IReadOnlyList<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }
}
