using System.Globalization;
using System.Text;
using Rectify.Application.Common.Tables;

namespace Rectify.Infrastructure.Tables;

/// <summary>How a value becomes a cell, in JSON, CSV and XLSX alike.</summary>
internal static class TableCells
{
    /// <summary>A value as JSON keeps it: string, long, decimal, bool or null; dates as YYYY-MM-DD.</summary>
    public static object? Scalar(object? value) => value switch
    {
        null or string or long or decimal or bool => value,
        int number => (long)number,
        double number => (decimal)number,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A spreadsheet cell: the scalar, its text neutralised.</summary>
    public static object? Sheet(object? value) => Scalar(value) is string text ? FormulaText.Neutralised(text) : Scalar(value);

    /// <summary>A CSV field's text: the scalar in the invariant culture, its text neutralised.</summary>
    public static string Text(object? value) => Sheet(value) switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };
}

/// <summary>
/// CSV as Rectify writes it: UTF-8 with a byte order mark (so Excel reads the Chinese), fields quoted as RFC 4180 says,
/// line ends CRLF, written out in blocks of about 32 KB as rows come.
/// </summary>
internal sealed class CsvOut : IAsyncDisposable
{
    private const int FlushThreshold = 32 * 1024;

    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(256);

    private CsvOut(Stream output) => _writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);

    public static async Task<CsvOut> StartAsync(Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        return new CsvOut(output);
    }

    /// <summary>One line of fields (values as <see cref="TableCells.Text"/>); no fields is a blank line.</summary>
    public async ValueTask RowAsync(IEnumerable<object?> cells, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                _line.Append(',');
            first = false;
            AppendField(TableCells.Text(cell));
        }
        _line.Append("\r\n");
        if (_line.Length > FlushThreshold)
            await FlushLinesAsync(cancellationToken);
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await FlushLinesAsync(cancellationToken);
        await _writer.FlushAsync(cancellationToken);
    }

    private async Task FlushLinesAsync(CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(_line, cancellationToken);
        _line.Clear();
    }

    private void AppendField(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            _line.Append(field);
        else
            _line.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
