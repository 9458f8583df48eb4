using System.Net;
using System.Net.Http.Json;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// POST/GET /api/v1/items/{id}/measures and PATCH /api/v1/items/{id}/measures/{measureId}: the item is the aggregate,
/// so a measure change moves the item's version and takes the item's ETag.
/// </summary>
public sealed class MeasureTests : ItemTest
{
    private static string MeasuresUri(Guid itemId) => $"{ItemUri(itemId)}/measures";

    [Test]
    public async Task AddMeasure_WhenValid_Returns201WithLocationAndTheItemsNewETag()
    {
        var itemId = await NewItemIdAsync();
        var unit = await Admin.CreateUnitAsync("区市政管理处");

        using var response = await Admin.PostAsJsonAsync(MeasuresUri(itemId),
            new { description = "完成沿河截污管网建设3.2公里", unitId = unit, dueDate = "2026-09-30" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await response.BodyAsync();
        var measure = body["measure"]!;
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{MeasuresUri(itemId)}/{measure["id"]}"));
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        Assert.That(measure["itemId"]!.GetValue<Guid>(), Is.EqualTo(itemId));
        Assert.That(measure["description"].Text(), Is.EqualTo("完成沿河截污管网建设3.2公里"));
        Assert.That(measure["unitId"]!.GetValue<Guid>(), Is.EqualTo(unit));
        Assert.That(measure["dueDate"].Text(), Is.EqualTo("2026-09-30"));
        Assert.That(measure["implemented"]!.GetValue<bool>(), Is.False);
        Assert.That(measure["implementedOn"], Is.Null);
        Assert.That(body["item"]!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(body["item"]!["measures"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(item["measures"]!["total"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(item["measures"]!["implemented"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task ListMeasures_AfterTwoAdded_ListsBothInOrder()
    {
        var itemId = await NewItemIdAsync();
        var first = await Admin.AddMeasureAsync(itemId, "排查雨污混流点位");
        var second = await Admin.AddMeasureAsync(itemId, "实施雨污分流改造");

        var measures = await Admin.MeasuresAsync(itemId);

        Assert.That(measures.Select(IdOf), Is.EqualTo(new[] { first, second }));
        Assert.That(measures.Select(m => m!["description"].Text()), Is.EqualTo(new[] { "排查雨污混流点位", "实施雨污分流改造" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task AddMeasure_WhenDescriptionBlank_Returns400KeyedDescriptionAndAddsNothing(string description)
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync(MeasuresUri(itemId), new { description });

        await response.ValidationProblemAsync("description");
        Assert.That(await Admin.MeasuresAsync(itemId), Is.Empty);
        Assert.That((await Admin.GetItemAsync(itemId)).ETag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task AddMeasure_WhenUnitUnknown_Returns400KeyedUnitIdAndAddsNothing()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync(MeasuresUri(itemId), new { description = "排查", unitId = Guid.NewGuid() });

        await response.ValidationProblemAsync("unitId");
        Assert.That(await Admin.MeasuresAsync(itemId), Is.Empty);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task AddMeasure_WhenItemCompleted_Returns409AndAddsNothing()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "completed");

        using var response = await Admin.PostAsJsonAsync(MeasuresUri(itemId), new { description = "补充措施" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("item_completed"));
        Assert.That(await Admin.MeasuresAsync(itemId), Is.Empty);
    }

    [Test]
    public async Task AddMeasure_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.PostAsJsonAsync(MeasuresUri(Guid.NewGuid()), new { description = "排查" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ImplementMeasure_WithTheItemsETag_Returns200AndCountsItImplemented()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}", new { implemented = true }, etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"3\""));
        var body = await response.BodyAsync();
        Assert.That(body["measure"]!["implemented"]!.GetValue<bool>(), Is.True);
        Assert.That(body["measure"]!["implementedOn"].Text(), Is.EqualTo("2026-03-15"));
        var (item, storedETag) = await Admin.GetItemAsync(itemId);
        Assert.That(storedETag, Is.EqualTo("\"3\""));
        Assert.That(item["measures"]!["implemented"]!.GetValue<int>(), Is.EqualTo(1));
        var stored = (await Admin.MeasuresAsync(itemId)).Single()!;
        Assert.That(stored["implemented"]!.GetValue<bool>(), Is.True);
        Assert.That(stored["implementedOn"].Text(), Is.EqualTo("2026-03-15"));
    }

    [Test]
    public async Task ImplementMeasure_WithAnExplicitDate_KeepsThatDate()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}",
            new { implemented = true, implementedOn = "2026-03-01" }, "\"2\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await Admin.MeasuresAsync(itemId)).Single()!["implementedOn"].Text(), Is.EqualTo("2026-03-01"));
    }

    [Test]
    public async Task ImplementMeasure_WithAStaleETag_Returns412AndLeavesItOpen()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);
        await Admin.AddMeasureAsync(itemId, "第二条措施");

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}", new { implemented = true }, "\"2\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((await Admin.MeasuresAsync(itemId)).Select(m => m!["implemented"]!.GetValue<bool>()), Is.All.False);
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo("\"3\""));
        Assert.That(item["measures"]!["implemented"]!.GetValue<int>(), Is.Zero);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(new[] { "created", "measure_added", "measure_added" }));
    }

    [Test]
    public async Task ImplementMeasure_WithoutIfMatch_Returns428AndLeavesItOpen()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}", new { implemented = true }, ifMatch: null);

        await response.ProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.That((await Admin.MeasuresAsync(itemId)).Single()!["implemented"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task UpdateMeasure_WithADescription_ChangesOnlyThat()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId, "原措施");

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}", new { description = "修订后的措施" }, "\"2\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = (await Admin.MeasuresAsync(itemId)).Single()!;
        Assert.That(stored["description"].Text(), Is.EqualTo("修订后的措施"));
        Assert.That(stored["implemented"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task UpdateMeasure_WhenImplementedOnGivenWithImplementedFalse_Returns400KeyedImplementedOn()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}",
            new { implemented = false, implementedOn = "2026-03-01" }, "\"2\"");

        await response.ValidationProblemAsync("implementedOn");
        Assert.That((await Admin.GetItemAsync(itemId)).ETag, Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task ImplementMeasure_JustAfterMidnightInShanghai_DefaultsToTheShanghaiDate()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);
        App.Clock.Now = new DateTimeOffset(2026, 3, 15, 16, 30, 0, TimeSpan.Zero); // 2026-03-16 00:30 in Shanghai

        await Admin.ImplementMeasureAsync(itemId, measureId);

        Assert.That((await Admin.MeasuresAsync(itemId)).Single()!["implementedOn"].Text(), Is.EqualTo("2026-03-16"));
    }

    [Test]
    public async Task UpdateMeasure_WhenMeasureUnknown_Returns404()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{Guid.NewGuid()}", new { implemented = true }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UpdateMeasure_WhenMeasureBelongsToAnotherItem_Returns404AndChangesNeither()
    {
        var itemId = await NewItemIdAsync();
        var otherItemId = await NewItemIdAsync();
        var othersMeasure = await Admin.AddMeasureAsync(otherItemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{othersMeasure}", new { implemented = true }, "*");

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.That((await Admin.MeasuresAsync(otherItemId)).Single()!["implemented"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task ReportCompleted_WithAnUnimplementedMeasure_Returns409NamingItAndChangesNothing()
    {
        var itemId = await NewItemIdAsync();
        var done = await Admin.AddMeasureAsync(itemId, "已落实的措施");
        var open = await Admin.AddMeasureAsync(itemId, "尚未落实的措施");
        await Admin.ImplementMeasureAsync(itemId, done);
        var (before, etagBefore) = await Admin.GetItemAsync(itemId);
        var historyBefore = await Admin.ActionsAsync(itemId);

        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn = "2026-03-15", summary = "已全部完成", progressStatus = "completed" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("measures_unimplemented"));
        var unimplemented = problem["unimplementedMeasures"]!.AsArray();
        Assert.That(unimplemented.Select(IdOf), Is.EqualTo(new[] { open }), problem.ToJsonString());
        Assert.That(unimplemented[0]!["description"].Text(), Is.EqualTo("尚未落实的措施"));
        var (after, etagAfter) = await Admin.GetItemAsync(itemId);
        Assert.That(etagAfter, Is.EqualTo(etagBefore));
        Assert.That(after["progressStatus"].Text(), Is.EqualTo(before["progressStatus"].Text()));
        Assert.That(after["completedAt"], Is.Null);
        Assert.That((await Admin.GetListAsync($"{ItemUri(itemId)}/progress"))["items"]!.AsArray(), Is.Empty);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(historyBefore));
    }

    [Test]
    public async Task ReportCompleted_OnceEveryMeasureIsImplemented_CompletesTheItem()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ImplementMeasureAsync(itemId, await Admin.AddMeasureAsync(itemId));
        await Admin.ImplementMeasureAsync(itemId, await Admin.AddMeasureAsync(itemId, "第二条措施"));

        var answer = await Admin.ReportProgressAsync(itemId, "completed");

        Assert.That(answer["item"]!["progressStatus"].Text(), Is.EqualTo("completed"));
        Assert.That(answer["item"]!["completedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start));
        Assert.That(answer["item"]!["measures"]!["implemented"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task UnimplementMeasure_OnACompletedItem_Returns409AndKeepsItImplemented()
    {
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId);
        await Admin.CompleteAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{MeasuresUri(itemId)}/{measureId}", new { implemented = false }, "*");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("item_completed"));
        Assert.That((await Admin.MeasuresAsync(itemId)).Single()!["implemented"]!.GetValue<bool>(), Is.True);
    }
}
