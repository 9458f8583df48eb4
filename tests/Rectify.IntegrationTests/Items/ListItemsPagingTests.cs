using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>GET /api/v1/items keyset pagination: limit, nextCursor, and cursors that are not ours.</summary>
public sealed class ListItemsPagingTests : ItemTest
{
    private async Task<Guid> NewInspectionAsync() =>
        InspectionApi.InspectionId(await Admin.CreateInspectionAsync($"督察来源{NewCode("I")}"));

    private async Task<Guid> ItemAsync(Guid inspectionId, string? dueDate = "2026-12-31", string? code = null)
    {
        var body = Body(code, inspectionId);
        body["dueDate"] = dueDate;
        if (dueDate is null)
            body["deadlineKinds"] = new JsonArray("ongoing");
        return IdOf(await Admin.CreateItemAsync(body));
    }

    /// <summary>Follows nextCursor from the first page to the last; every page but the last is full.</summary>
    private async Task<List<Guid>> WalkAsync(string query, int limit, Func<int, Task>? betweenPages = null)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        for (var page = 0; page < 1000; page++)
        {
            var uri = $"{ItemsPath}?{query}&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var body = await Admin.GetListAsync(uri);
            var served = InspectionApi.IdsIn(body);
            ids.AddRange(served);
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
                return ids;
            Assert.That(served, Has.Count.EqualTo(limit), "A page before the last is full.");
            if (betweenPages is not null)
                await betweenPages(page);
        }
        throw new AssertionException("The list never reached a last page.");
    }

    /// <summary>A cursor built by hand, as a client must not: base64url JSON like the ones the service issues.</summary>
    private static string HandMadeCursor(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Test]
    public async Task ListItems_WithLimit2_ServesTwoAndACursorThenTheRest()
    {
        var inspection = await NewInspectionAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await ItemAsync(inspection));

        var first = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspection}&limit=2");
        var cursor = first["nextCursor"].Text();
        var second = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspection}&limit=2&cursor={Uri.EscapeDataString(cursor)}");

        Assert.That(InspectionApi.IdsIn(first), Is.EqualTo(ids.Take(2)));
        Assert.That(InspectionApi.IdsIn(second), Is.EqualTo(ids.Skip(2)));
        Assert.That(second["nextCursor"], Is.Null);
    }

    [Test]
    public async Task ListItems_WhenItemsArePostedBetweenPages_NeitherSkipsNorRepeats()
    {
        var inspection = await NewInspectionAsync();
        var before = new List<Guid>();
        for (var i = 0; i < 5; i++)
            before.Add(await ItemAsync(inspection));
        var added = new List<Guid>();

        var walked = await WalkAsync($"inspectionId={inspection}", 2, async _ => added.Add(await ItemAsync(inspection)));

        Assert.That(added, Is.Not.Empty);
        Assert.That(walked, Is.Unique);
        Assert.That(walked, Is.EqualTo(before.Concat(added)));
    }

    [Test]
    public async Task ListItems_SortedByDueDateWithTies_WalksEveryItemOnceInOrderWhileItemsArePosted()
    {
        var inspection = await NewInspectionAsync();
        var expected = new List<Guid>
        {
            await ItemAsync(inspection, "2026-04-01"),
            await ItemAsync(inspection, "2026-04-01"),
            await ItemAsync(inspection, "2026-04-01"),
            await ItemAsync(inspection, "2026-05-01"),
            await ItemAsync(inspection, "2026-05-01"),
            await ItemAsync(inspection, null),
            await ItemAsync(inspection, null),
        };
        // Each posted item has no due date, so it sorts after everything already served (undated items go last).
        var added = new List<Guid>();

        var walked = await WalkAsync($"inspectionId={inspection}&sort=due_date", 2,
            async _ => added.Add(await ItemAsync(inspection, null)));

        Assert.That(walked, Is.Unique);
        Assert.That(walked.Where(expected.Contains), Is.EqualTo(expected));
        Assert.That(walked, Is.EqualTo(expected.Concat(added)));
    }

    [Test]
    public async Task ListItems_SortedByCodeWithLimit2_WalksEveryItemOnceInCodeOrder()
    {
        var inspection = await NewInspectionAsync();
        var byCode = new SortedDictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var code in new[] { "E-5", "A-1", "D-4", "B-2", "C-3" })
            byCode[code] = await ItemAsync(inspection, code: code);

        var walked = await WalkAsync($"inspectionId={inspection}&sort=code", 2);

        Assert.That(walked, Is.EqualTo(byCode.Values));
    }

    [Test]
    public async Task ListItems_SortedByUpdatedAtWithUpdatedSince_PullsEveryChangeOncePageByPage()
    {
        var inspection = await NewInspectionAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            App.Clock.Now = Start.AddMinutes(i);
            ids.Add(await ItemAsync(inspection));
        }
        App.Clock.Now = Start.AddMinutes(10);
        using (var response = await Admin.PatchJsonAsync(ItemUri(ids[0]), new { area = "开发区" }, "*"))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var since = Uri.EscapeDataString(Start.AddMinutes(2).ToString("O"));

        var walked = await WalkAsync($"inspectionId={inspection}&sort=updated_at&updatedSince={since}", 2);

        Assert.That(walked, Is.EqualTo(new[] { ids[2], ids[3], ids[4], ids[0] }));
    }

    [TestCase("not-a-cursor!")]
    [TestCase("abc")]
    [TestCase("bnVsbA")] // "null"
    [TestCase("W10")] // "[]"
    public async Task ListItems_WhenCursorIsGarbage_Returns400KeyedCursor(string cursor)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?cursor={Uri.EscapeDataString(cursor)}");

        await response.ValidationProblemAsync("cursor");
    }

    [Test]
    public async Task ListItems_WhenCursorBelongsToAnotherSort_Returns400KeyedCursor()
    {
        var inspection = await NewInspectionAsync();
        for (var i = 0; i < 3; i++)
            await ItemAsync(inspection);
        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={inspection}&sort=code&limit=1");

        using var response = await Admin.GetAsync(
            $"{ItemsPath}?inspectionId={inspection}&sort=due_date&limit=1&cursor={Uri.EscapeDataString(page["nextCursor"].Text())}");

        await response.ValidationProblemAsync("cursor");
    }

    [TestCase("due_date", """{"Sort":"due_date","Key":"31/12/2026","Seq":1}""")]
    [TestCase("due_date", """{"Sort":"due_date","Seq":1}""")]
    [TestCase("updated_at", """{"Sort":"updated_at","Key":"yesterday","Seq":1}""")]
    public async Task ListItems_WhenCursorDecodesButItsKeyIsNotOurs_Returns400KeyedCursor(string sort, string json)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?sort={sort}&cursor={HandMadeCursor(json)}");

        await response.ValidationProblemAsync("cursor");
    }
}
