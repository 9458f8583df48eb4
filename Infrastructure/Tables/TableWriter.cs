using System.Data;
using MiniExcelLibs;
using Rectify.Application.Common.Tables;

namespace Rectify.Infrastructure.Tables;

/// <summary>
/// One table as CSV (<see cref="CsvOut"/>) or XLSX. XLSX goes through MiniExcel into a temporary file (the zip needs
/// its whole content before it can be sent), fed row by row from the rows as they are read, then copied out.
/// </summary>
internal sealed class TableWriter : ITableWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string ContentType(TableFormat format) =>
        format == TableFormat.Csv ? "text/csv; charset=utf-8" : XlsxContentType;

    public async Task WriteAsync(TableFormat format, IReadOnlyList<string> headers,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, Stream output, CancellationToken cancellationToken)
    {
        if (format == TableFormat.Xlsx)
        {
            await WriteXlsxAsync(new Dictionary<string, object> { ["Sheet1"] = await SheetAsync(headers, rows, cancellationToken) },
                output, cancellationToken);
            return;
        }
        await using var csv = await CsvOut.StartAsync(output, cancellationToken);
        await csv.RowAsync(headers, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
            await csv.RowAsync(row, cancellationToken);
        await csv.EndAsync(cancellationToken);
    }

    /// <summary>
    /// A sheet's content for MiniExcel: the rows as they come, keyed by header; without rows a table of the headers
    /// only, since MiniExcel takes the columns from the first row.
    /// </summary>
    public static async Task<object> SheetAsync(IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken cancellationToken)
    {
        var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        if (await enumerator.MoveNextAsync())
            return Rows(headers, enumerator);
        await enumerator.DisposeAsync();
        return HeadersOnly(headers);
    }

    /// <summary>An empty sheet: a list of no rows would leave MiniExcel without the columns, a table keeps them.</summary>
    public static DataTable HeadersOnly(IEnumerable<string> headers)
    {
        var table = new DataTable();
        foreach (var header in headers)
            table.Columns.Add(header, typeof(string));
        return table;
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Rows(IReadOnlyList<string> headers,
        IAsyncEnumerator<IReadOnlyList<object?>> started)
    {
        await using (started)
        {
            do
            {
                var cells = new Dictionary<string, object?>(headers.Count);
                for (var i = 0; i < headers.Count; i++)
                    cells[headers[i]] = TableCells.Sheet(started.Current[i]);
                yield return cells;
            } while (await started.MoveNextAsync());
        }
    }

    /// <summary>The sheets (name → content) as an XLSX file, built in a temporary file deleted when closed.</summary>
    public static async Task WriteXlsxAsync(Dictionary<string, object> sheets, Stream output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rectify-table-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }
}
