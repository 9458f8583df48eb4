using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rectify.Application.Reports;
using Rectify.Infrastructure.Tables;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Reports;

/// <summary>
/// Writes a report document as JSON, CSV, XLSX or text, and reads its JSON back. Every value is first reduced to what
/// JSON keeps (text, a whole or decimal number, true/false, null; dates as YYYY-MM-DD), so a live document and one read
/// back from its JSON render alike. JSON, CSV and text go out row by row as the sections are enumerated; XLSX is
/// written to a temporary file first (the zip needs its whole content), then copied out.
/// </summary>
internal sealed class ReportRenderer : IReportRenderer
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Xlsx => TableWriter.XlsxContentType,
        _ => "text/plain; charset=utf-8",
    };

    public Task WriteAsync(ReportDocument document, ReportFormat format, Stream output, CancellationToken cancellationToken) =>
        format switch
        {
            ReportFormat.Json => WriteJsonAsync(document, output, cancellationToken),
            ReportFormat.Csv => WriteCsvAsync(document, output, cancellationToken),
            ReportFormat.Xlsx => WriteXlsxAsync(document, output, cancellationToken),
            _ => WriteTextAsync(document, output, cancellationToken),
        };

    private static async Task WriteJsonAsync(ReportDocument document, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("kind", Words.Of(document.Kind));
        json.WriteString("asOf", document.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("generatedAt", document.GeneratedAt);
        json.WriteStartObject("scope");
        WriteValue(json, "inspectionId", document.Scope.InspectionId);
        WriteValue(json, "unitId", document.Scope.UnitId);
        json.WriteEndObject();
        if (document.Run is { } run)
        {
            json.WriteStartObject("run");
            json.WriteString("id", run.Id);
            json.WriteString("period", run.Period);
            json.WriteString("trigger", Words.Of(run.Trigger));
            json.WriteEndObject();
        }
        else
            json.WriteNull("run");
        json.WriteStartObject("figures");
        foreach (var (name, value) in document.Figures)
            WriteValue(json, name, value);
        json.WriteEndObject();
        json.WriteStartArray("sentences");
        foreach (var sentence in document.Sentences)
            json.WriteStringValue(sentence);
        json.WriteEndArray();
        json.WriteStartArray("sections");
        foreach (var section in document.Sections)
        {
            json.WriteStartObject();
            json.WriteString("name", section.Name);
            json.WriteString("title", section.Title);
            json.WriteStartArray("columns");
            foreach (var column in section.Columns)
            {
                json.WriteStartObject();
                json.WriteString("key", column.Key);
                json.WriteString("header", column.Header);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("rows");
            await foreach (var row in section.Rows.WithCancellation(cancellationToken))
            {
                json.WriteStartObject();
                for (var i = 0; i < section.Columns.Count; i++)
                    WriteValue(json, section.Columns[i].Key, row[i]);
                json.WriteEndObject();
                if (json.BytesPending > FlushThreshold)
                    await json.FlushAsync(cancellationToken);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        switch (TableCells.Scalar(value))
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case long number: json.WriteNumberValue(number); break;
            case decimal number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
        }
    }

    /// <summary>Per section a title line, the Chinese headers, the rows and a blank line (<see cref="CsvOut"/>).</summary>
    private static async Task WriteCsvAsync(ReportDocument document, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = await CsvOut.StartAsync(output, cancellationToken);
        var first = true;
        foreach (var section in document.Sections)
        {
            if (!first)
                await csv.RowAsync([], cancellationToken);
            first = false;
            await csv.RowAsync([section.Title], cancellationToken);
            await csv.RowAsync(section.Columns.Select(c => c.Header), cancellationToken);
            await foreach (var row in section.Rows.WithCancellation(cancellationToken))
                await csv.RowAsync(row, cancellationToken);
        }
        await csv.EndAsync(cancellationToken);
    }

    /// <summary>
    /// One sheet per section, named by its title, the Chinese headers on the first row. A section's rows are collected
    /// before the next section is read: each may hold the connection while it is enumerated.
    /// </summary>
    private static async Task WriteXlsxAsync(ReportDocument document, Stream output, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var section in document.Sections)
        {
            var headers = section.Columns.Select(c => c.Header).ToList();
            var rows = new List<Dictionary<string, object?>>();
            await foreach (var row in section.Rows.WithCancellation(cancellationToken))
            {
                var cells = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                    cells[headers[i]] = TableCells.Sheet(row[i]);
                rows.Add(cells);
            }
            sheets[SheetName(section.Title, sheets.Keys)] = rows.Count > 0 ? rows : TableWriter.HeadersOnly(headers);
        }
        await TableWriter.WriteXlsxAsync(sheets, output, cancellationToken);
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string title, IEnumerable<string> taken)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        name = name.Length == 0 ? "Sheet" : name[..Math.Min(name.Length, 28)];
        var unique = name;
        for (var n = 2; taken.Contains(unique); n++)
            unique = $"{name}{n}";
        return unique;
    }

    /// <summary>The sentences, one per line; a report without sentences gives its figures as "name: value" lines.</summary>
    private static async Task WriteTextAsync(ReportDocument document, Stream output, CancellationToken cancellationToken)
    {
        var lines = document.Sentences.Count > 0
            ? document.Sentences
            : document.Figures.Select(f => $"{f.Key}: {TableCells.Text(f.Value)}").ToList();
        await output.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))), cancellationToken);
    }

    public async Task<ReportDocument> ReadJsonAsync(Stream json, CancellationToken cancellationToken)
    {
        var root = await JsonSerializer.DeserializeAsync<JsonElement>(json, cancellationToken: cancellationToken);
        var scope = root.GetProperty("scope");
        return new ReportDocument
        {
            Kind = Enum.GetValues<ReportKind>().Single(k => Words.Of(k) == root.GetProperty("kind").GetString()),
            AsOf = DateOnly.ParseExact(root.GetProperty("asOf").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            GeneratedAt = root.GetProperty("generatedAt").GetDateTimeOffset(),
            Scope = new ReportScope(OptionalGuid(scope.GetProperty("inspectionId")), OptionalGuid(scope.GetProperty("unitId"))),
            Run = root.TryGetProperty("run", out var run) && run.ValueKind == JsonValueKind.Object
                ? new ReportRunInfo(run.GetProperty("id").GetGuid(), run.GetProperty("period").GetString()!,
                    Enum.GetValues<ReportRunTrigger>().Single(t => Words.Of(t) == run.GetProperty("trigger").GetString()))
                : null,
            Figures = root.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => ScalarOf(p.Value)),
            Sentences = root.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList(),
            Sections = root.GetProperty("sections").EnumerateArray().Select(SectionOf).ToList(),
        };
    }

    private static Guid? OptionalGuid(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetGuid();

    private static ReportSection SectionOf(JsonElement section)
    {
        var columns = section.GetProperty("columns").EnumerateArray()
            .Select(c => new ReportColumn(c.GetProperty("key").GetString()!, c.GetProperty("header").GetString()!)).ToList();
        return new ReportSection(section.GetProperty("name").GetString()!, section.GetProperty("title").GetString()!, columns,
            RowsOf(section.GetProperty("rows"), columns));
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsOf(JsonElement rows, IReadOnlyList<ReportColumn> columns,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in rows.EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return columns.Select(c => row.TryGetProperty(c.Key, out var value) ? ScalarOf(value) : null).ToArray();
        }
        await Task.CompletedTask;
    }

    private static object? ScalarOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
