using System.Net;
using System.Net.Http.Json;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>Many clients report on one item at once: every report lands, each moves the version on once.</summary>
public sealed class ConcurrentChangeTests : ItemTest
{
    [Test]
    public async Task ReportProgress_FromManyClientsAtOnce_AllLandInOrderAndTheTrailStaysIntact()
    {
        var itemId = await NewItemIdAsync();
        const int reports = 12;

        var responses = await Task.WhenAll(Enumerable.Range(1, reports).Select(i =>
            Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
                new { reportedOn = "2026-03-15", summary = $"第{i}次报送", progressStatus = "in_progress" })));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var (_, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo($"\"{1 + reports}\""));
        var versions = (await Admin.HistoryAsync(itemId)).Count;
        Assert.That(versions, Is.EqualTo(1 + reports), "one audit event per change, none lost");
        var verification = await (await Admin.GetAsync("/api/v1/audit/verify")).BodyAsync();
        Assert.That(verification["intact"]!.GetValue<bool>(), Is.True);
        foreach (var response in responses)
            response.Dispose();
    }
}
