namespace Rectify.Application.Ledger;

/// <summary>A row of a ledger file: its number as a spreadsheet shows it (1-based) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>Reads the rows of an uploaded ledger: CSV (UTF-8, or GB18030 when it is not UTF-8) or XLSX (its first sheet).</summary>
public interface ILedgerFileReader
{
    /// <summary>Every row, title rows included; a file that is neither format is a 400 on the field <c>file</c>.</summary>
    IReadOnlyList<SheetRow> Read(byte[] content, string? fileName);
}
