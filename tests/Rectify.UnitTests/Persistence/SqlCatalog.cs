using System.Reflection;
using System.Text.RegularExpressions;
using Rectify.Infrastructure.Persistence;

namespace Rectify.UnitTests.Persistence;

/// <summary>
/// Every statement the stores can send, found by reflection: the constant strings and <see cref="DialectSql"/>
/// fields of each <c>*Sql</c> class in Infrastructure (alone or as the values of a dictionary of composed
/// statements), and the migration scripts. A new statement is covered
/// by the dialect tests without anyone having to list it.
/// </summary>
public static class SqlCatalog
{
    public sealed record Statement(string Name, string Text)
    {
        public override string ToString() => Name;
    }

    private static readonly Assembly Infrastructure = typeof(DialectSql).Assembly;

    public static IEnumerable<Statement> For(SqlDialect dialect)
    {
        foreach (var type in Infrastructure.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed && t.Name.EndsWith("Sql", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                var name = $"{type.Name}.{field.Name}";
                switch (field.GetValue(null))
                {
                    case string text when field.IsLiteral && field.IsPublic:
                        yield return new Statement(name, AsSent(text));
                        break;
                    case DialectSql sql:
                        yield return new Statement(name, AsSent(sql.For(dialect)));
                        break;
                    case System.Collections.IDictionary composed:
                        foreach (System.Collections.DictionaryEntry entry in composed)
                        {
                            if (entry.Value is DialectSql variant)
                                yield return new Statement($"{name}[{entry.Key}]", AsSent(variant.For(dialect)));
                        }
                        break;
                }
            }
        }
    }

    /// <summary>Dapper expands a list parameter <c>IN @Ids</c> into <c>IN (@Ids1, @Ids2…)</c> before sending.</summary>
    private static string AsSent(string text) => Regex.Replace(text, @"\bIN @(\w+)", "IN (@$1)");

    public static IEnumerable<Statement> Migrations(SqlDialect dialect)
    {
        var folder = DatabaseMigrator.ScriptFolder(dialect);
        foreach (var resource in Infrastructure.GetManifestResourceNames().Where(n => n.Contains(folder, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(Infrastructure.GetManifestResourceStream(resource)!);
            yield return new Statement(ScriptName(resource), reader.ReadToEnd());
        }
    }

    public static string ScriptName(string resource) => resource[(resource.LastIndexOf(".Migrations.", StringComparison.Ordinal) + 12)..]
        .Split('.', 2)[1];
}
