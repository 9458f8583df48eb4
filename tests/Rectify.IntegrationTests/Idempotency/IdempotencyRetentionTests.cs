using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Idempotency.IdempotencyApi;

namespace Rectify.IntegrationTests.Idempotency;

/// <summary>Keys are kept for Idempotency:RetentionHours, then a background task purges them.</summary>
public sealed class IdempotencyRetentionTests
{
    private RectifyApp _app = null!;
    private HttpClient _admin = null!;
    private Guid _inspectionId;
    private Guid _unitId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new RectifyApp(new Dictionary<string, string>
        {
            ["Idempotency:RetentionHours"] = "1",
            ["Idempotency:PurgeInterval"] = "00:00:00.100",
        });
        _admin = _app.Admin();
        _inspectionId = InspectionApi.InspectionId(await _admin.CreateInspectionAsync());
        _unitId = await _admin.CreateUnitAsync();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _admin.Dispose();
        _app.Dispose();
    }

    private JsonObject Body() => ItemApi.ItemBody(_inspectionId, _unitId, "R" + Guid.NewGuid().ToString("N")[..8]);

    [Test]
    public async Task Purge_WhenTheRetentionHasPassed_ForgetsTheKeySoItMayBeUsedAgain()
    {
        var key = NewKey();
        using var first = await _admin.PostWithKeyAsync(ItemApi.ItemsPath, Body(), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        await Task.Delay(300);
        using var kept = await _admin.PostWithKeyAsync(ItemApi.ItemsPath, Body(), key);
        await kept.AssertKeyReusedAsync();

        _app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        HttpResponseMessage? reused = null;
        for (var attempt = 0; attempt < 100 && reused?.StatusCode != HttpStatusCode.Created; attempt++)
        {
            reused?.Dispose();
            await Task.Delay(100);
            reused = await _admin.PostWithKeyAsync(ItemApi.ItemsPath, Body(), key);
            if (reused.StatusCode != HttpStatusCode.Created)
                await reused.AssertKeyReusedAsync();
        }
        using (reused)
        {
            Assert.That(reused!.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the purge forgot the key within ten seconds");
            Assert.That(reused.IsReplay(), Is.False);
            Assert.That(ItemApi.IdOf(await reused.BodyAsync()), Is.Not.EqualTo(ItemApi.IdOf(await first.BodyAsync())));
        }
    }
}
