using Rectify.Infrastructure.Persistence;

namespace Rectify.UnitTests.Persistence;

/// <summary>No SQL Server runs here, so every statement it would receive is parsed by Microsoft's own T-SQL parser.</summary>
public sealed class SqlServerDialectTests
{
    private static IEnumerable<SqlCatalog.Statement> SqlServerStatements() =>
        SqlCatalog.For(SqlDialect.SqlServer).Concat(SqlCatalog.Migrations(SqlDialect.SqlServer));

    [TestCaseSource(nameof(SqlServerStatements))]
    public void SqlServerStatement_WhenParsedAsTSql_HasNoErrors(SqlCatalog.Statement statement) =>
        Assert.That(TSqlChecker.Errors(statement.Text), Is.Empty, statement.Text);

    [Test]
    public void Checker_WhenStatementIsBroken_ReportsTheError()
    {
        var errors = TSqlChecker.Errors("SELECT Id, FROM Units WHERE Code = @Code");

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("line 1, column 12"));
    }

    [Test]
    public void Checker_WhenSqliteOnlySyntaxIsSent_ReportsTheError() =>
        Assert.That(TSqlChecker.Errors("SELECT Id FROM Units ORDER BY Seq LIMIT @Limit"), Is.Not.Empty);

    [Test]
    public void Catalog_FindsTheStatementsOfEveryStore()
    {
        var names = SqlCatalog.For(SqlDialect.SqlServer).Select(s => s.Name).ToList();

        Assert.That(names, Does.Contain("UnitSql.Insert").And.Contain("UnitSql.List").And.Contain("AuditSql.LastLink"));
        Assert.That(SqlCatalog.Migrations(SqlDialect.SqlServer).Count(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void MigrationFolders_HoldTheSameScriptNames()
    {
        var sqlite = SqlCatalog.Migrations(SqlDialect.Sqlite).Select(s => s.Name).ToList();
        var sqlServer = SqlCatalog.Migrations(SqlDialect.SqlServer).Select(s => s.Name).ToList();

        Assert.That(sqlite, Is.Not.Empty);
        Assert.That(sqlServer, Is.EqualTo(sqlite));
    }
}
