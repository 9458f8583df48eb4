namespace Rectify.Infrastructure.Ledger;

/// <summary>
/// RFC 4180 records: comma-separated fields, a field in double quotes may hold commas, line breaks and doubled
/// quotes (""); records end at CRLF, LF or CR. Lenient where spreadsheets are: a quote inside an unquoted field is
/// kept as it is, and text after a closing quote is appended.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<IReadOnlyList<string>> Parse(string text)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            any = true;
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                    quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    atFieldStart = true;
                    any = false;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
