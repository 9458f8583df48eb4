using System.Net;
using System.Text;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Ledger.LedgerApi;

namespace Rectify.IntegrationTests.Ledger;

/// <summary>
/// Body limits are Kestrel's (the in-memory test server enforces none), so these uploads go to the service listening on
/// Kestrel: a ledger may be larger than the 1 MiB every other request is held to, up to 32 MiB.
/// </summary>
public sealed class ImportLimitsTests : KestrelTest
{
    /// <summary>A header row, then rows padded to about <paramref name="bytes"/> bytes, each naming a unit that does not exist.</summary>
    private static byte[] LedgerOf(int bytes)
    {
        var text = new StringBuilder("问题编号,问题描述,牵头单位,整改时限\r\n");
        var size = Encoding.UTF8.GetByteCount(text.ToString());
        for (var i = 1; size < bytes; i++)
        {
            var row = $"P-{i},\"{new string('污', 2000)}\",无此单位,2026-12-31\r\n";
            text.Append(row);
            size += Encoding.UTF8.GetByteCount(row);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Test]
    public async Task Import_WhenFileOver32MiB_Returns413Problem()
    {
        var inspectionId = (await Admin.CreateInspectionAsync())["id"]!.GetValue<Guid>();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(LedgerOf(33 * 1024 * 1024)), "file", "ledger.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ImportsPath}?inspectionId={inspectionId}") { Content = form };
        // As curl does for a large body: Kestrel answers from the declared length, before the client sends the rest.
        request.Headers.ExpectContinue = true;

        using var response = await Admin.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Import_WhenFileOver1MiB_IsReadAndChecked()
    {
        var inspectionId = (await Admin.CreateInspectionAsync())["id"]!.GetValue<Guid>();

        using var response = await Admin.ImportAsync(inspectionId, LedgerOf(2 * 1024 * 1024));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem["errors"]!.AsArray()[0]!["column"]!.GetValue<string>(), Is.EqualTo("牵头单位"));
    }
}
