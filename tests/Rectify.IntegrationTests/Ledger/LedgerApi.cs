using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>Uploads ledgers as an office would: a CSV or XLSX file in the multipart field <c>file</c>.</summary>
internal static class LedgerApi
{
    public const string ImportsPath = "/api/v1/imports";

    public static byte[] Csv(IEnumerable<IReadOnlyList<string>> rows, bool bom = true)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(Quote))));
        return [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

        static string Quote(string cell) =>
            cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
    }

    /// <summary>A workbook whose first sheet holds the rows as given, from A1 down (so a title row stays row 1).</summary>
    public static byte[] Xlsx(IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var width = all.Max(r => r.Count);
        // MiniExcel takes the columns from the first row, so every row spans the widest one.
        var sheet = all.Select(r => (IDictionary<string, object>)Enumerable.Range(0, width)
                .ToDictionary(ColumnName, i => (object)(i < r.Count ? r[i] : "")))
            .ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();

        static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);
    }

    public static async Task<HttpResponseMessage> ImportAsync(this HttpClient client, Guid inspectionId, byte[] file,
        string fileName = "ledger.csv", bool dryRun = false, string? idempotencyKey = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(content, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{ImportsPath}?inspectionId={inspectionId}{(dryRun ? "&dryRun=true" : "")}") { Content = form };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    /// <summary>Imports and expects 200; returns the answer.</summary>
    public static async Task<JsonObject> ImportOkAsync(this HttpClient client, Guid inspectionId, byte[] file,
        string fileName = "ledger.csv", bool dryRun = false)
    {
        using var response = await client.ImportAsync(inspectionId, file, fileName, dryRun);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }
}
