using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>Downloads an export and reads it back as rows of cell texts (the header row first).</summary>
internal static class ExportFiles
{
    public const string ExportPath = "/api/v1/items/export";

    public static async Task<byte[]> ExportBytesAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{ExportPath}?{query}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        return bytes;
    }

    /// <summary>The CSV export's rows; fails unless it starts with the UTF-8 byte order mark.</summary>
    public static async Task<List<string[]>> ExportCsvAsync(this HttpClient client, string query)
    {
        var bytes = await client.ExportBytesAsync(query);
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "UTF-8 with a byte order mark");
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    public static async Task<List<string[]>> ExportXlsxAsync(this HttpClient client, string query)
    {
        using var stream = new MemoryStream(await client.ExportBytesAsync(query));
        return MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray())
            .ToList();
    }

    /// <summary>RFC 4180: fields split by commas, quoted fields may hold commas, quotes ("") and line breaks; rows end CRLF.</summary>
    public static List<string[]> ParseCsv(string text) => [.. ReadCsv(new StringReader(text))];

    /// <summary><see cref="ParseCsv"/> row by row, for a file too large to hold as one string.</summary>
    public static IEnumerable<string[]> ReadCsv(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var c = reader.Read(); c >= 0; c = reader.Read())
        {
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                    field.Append((char)reader.Read());
                else if (c == '"')
                    quoted = false;
                else
                    field.Append((char)c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
                row.Add(field.ToString());
                field.Clear();
                yield return [.. row];
                row.Clear();
            }
            else
                field.Append((char)c);
        }
    }
}
