namespace Rectify.Infrastructure.Persistence;

public static class SqlText
{
    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere; use with <c>ESCAPE '\'</c>.</summary>
    public static string? ContainsPattern(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : "%" + text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[") + "%";
}
