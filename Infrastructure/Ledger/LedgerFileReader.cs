using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Tables;
using Rectify.Application.Ledger;

namespace Rectify.Infrastructure.Ledger;

/// <summary>
/// Tells XLSX from CSV by content (an XLSX file is a zip archive, "PK\x03\x04"), whatever the file is called. CSV text is
/// UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, which covers the GBK files that
/// Chinese Excel saves as "CSV". A cell an export neutralised (a leading apostrophe before = + - @, a tab or a carriage
/// return) reads back as it was written (<see cref="FormulaText"/>).
/// </summary>
public sealed class LedgerFileReader : ILedgerFileReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static LedgerFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IReadOnlyList<SheetRow> Read(byte[] content, string? fileName)
    {
        if (content.Length == 0)
            throw InvalidField.Because("file", "The file is empty.");
        return content is [0x50, 0x4B, 0x03, 0x04, ..] ? ReadXlsx(content) : ReadCsv(content);
    }

    private static List<SheetRow> ReadCsv(byte[] content) =>
        CsvRows.Parse(Decode(content)).Select((cells, i) => new SheetRow(i + 1, cells.Select(FormulaText.Restored).ToList())).ToList();

    private static string Decode(byte[] content)
    {
        var body = content.AsSpan();
        if (body is [0xEF, 0xBB, 0xBF, ..])
            body = body[3..];
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(body);
        }
    }

    private static List<SheetRow> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            // Without a header row MiniExcel keys cells by column letter and yields the empty rows too, so the index
            // is the row number Excel shows.
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select((row, i) => new SheetRow(i + 1, row.Values.Select(v => FormulaText.Restored(Text(v))).ToList()))
                .ToList();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw InvalidField.Because("file", $"The file looks like XLSX but cannot be read: {e.Message}");
        }
    }

    /// <summary>A cell as the text a person sees: dates as YYYY-MM-DD, numbers without a trailing ".0".</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString("0.############", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
