using Rectify.Application.Common.Errors;

namespace Rectify.Application.Ledger;

/// <summary>
/// A ledger's layout: the header row is the first row in which a cell names a known column (so a title row such as
/// "XX县第二轮中央环保督察反馈问题整改台账" above it is skipped); the rows below it that hold anything are the data.
/// </summary>
internal sealed class LedgerSheet
{
    private LedgerSheet(int headerRow, IReadOnlyDictionary<LedgerField, (int Index, string Header)> columns,
        IReadOnlyList<SheetRow> dataRows, IReadOnlyList<string> unknownColumns, IReadOnlyList<LedgerNote> errors)
    {
        HeaderRow = headerRow;
        Columns = columns;
        DataRows = dataRows;
        UnknownColumns = unknownColumns;
        Errors = errors;
    }

    public int HeaderRow { get; }

    /// <summary>Where each known column is, and the header the file gives it.</summary>
    public IReadOnlyDictionary<LedgerField, (int Index, string Header)> Columns { get; }

    public IReadOnlyList<SheetRow> DataRows { get; }

    /// <summary>Headers Rectify does not know; their cells are ignored.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>What makes the whole file unusable (a column twice, no code column).</summary>
    public IReadOnlyList<LedgerNote> Errors { get; }

    /// <summary>The header export writes for a field: how an error names a column the file does not have.</summary>
    public static string HeaderOf(LedgerField field) => LedgerColumns.InLedgerOrder.First(c => c.Field == field).Header;

    public static LedgerSheet Parse(IReadOnlyList<SheetRow> rows)
    {
        var header = rows.FirstOrDefault(r => r.Cells.Any(c => LedgerColumns.ByHeader(c) is not null))
                     ?? throw InvalidField.Because("file",
                         "No row names the ledger's columns (问题编号, 问题描述, 牵头单位…); the README lists the headers Rectify reads.");
        var columns = new Dictionary<LedgerField, (int, string)>();
        var unknown = new List<string>();
        var errors = new List<LedgerNote>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Trim();
            if (text.Length == 0)
                continue;
            if (LedgerColumns.ByHeader(text) is not { } column)
                unknown.Add(text);
            else if (!columns.TryAdd(column.Field, (i, text)))
                errors.Add(new LedgerNote(header.Number, text,
                    $"Another column ('{columns[column.Field].Item2}') already holds {column.Header}; keep one of them."));
        }
        if (!columns.ContainsKey(LedgerField.Code) && !columns.ContainsKey(LedgerField.Number))
            errors.Add(new LedgerNote(header.Number, HeaderOf(LedgerField.Code),
                "The ledger needs a 问题编号 (or 序号) column: rows are matched to items by it."));
        var data = rows.Where(r => r.Number > header.Number && r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        return new LedgerSheet(header.Number, columns, data, unknown, errors);
    }
}
