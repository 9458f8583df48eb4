namespace Rectify.Application.Common.Tables;

/// <summary>
/// Cells a spreadsheet would run as a formula (text starting with = + - @, a tab or a carriage return) go out with a
/// leading apostrophe, so they show as text (DESIGN: exports neutralise such cells). Reading a file back takes one
/// apostrophe off text that is apostrophes before such a character, and only such text, so an exported file imports
/// unchanged; text that already started with an apostrophe before such a character gets one more on the way out.
/// </summary>
public static class FormulaText
{
    public static string Neutralised(string text) => StartsLikeFormula(text.AsSpan().TrimStart('\'')) ? "'" + text : text;

    public static string Restored(string text) =>
        text.StartsWith('\'') && StartsLikeFormula(text.AsSpan().TrimStart('\'')) ? text[1..] : text;

    private static bool StartsLikeFormula(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
