namespace Rectify.Application.Common.Tables;

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes one table (a header row, then the rows) as a spreadsheet file, enumerating the rows once and never holding
/// them all. Text a spreadsheet would run as a formula comes out neutralised (<see cref="FormulaText"/>).
/// </summary>
public interface ITableWriter
{
    string ContentType(TableFormat format);

    Task WriteAsync(TableFormat format, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        Stream output, CancellationToken cancellationToken);
}
