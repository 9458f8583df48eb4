using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>POST/GET /api/v1/items/{id}/progress: dated reports; the latest one drives the item.</summary>
public sealed class ProgressTests : ItemTest
{
    private static string ProgressUri(Guid itemId) => $"{ItemUri(itemId)}/progress";

    private async Task<JsonArray> ReportsAsync(Guid itemId) =>
        (await Admin.GetListAsync($"{ProgressUri(itemId)}?limit=200"))["items"]!.AsArray();

    [Test]
    public async Task ReportProgress_WhenValid_Returns201AndTheItemTakesItsStatus()
    {
        var itemId = await NewItemIdAsync(body => body["quantity"] = new JsonObject { ["target"] = 12, ["unit"] = "公里" });

        using var response = await Admin.PostAsJsonAsync(ProgressUri(itemId), new
        {
            reportedOn = "2026-03-14",
            summary = "已完成雨污分流改造8公里",
            progressStatus = "in_progress",
            scheduleStatus = "ahead",
            quantityDone = 8,
            obstacles = "部分路段涉及土地报批，预计5月开工",
            evidence = new[] { new { name = "现场照片.jpg", uri = "https://files.example.cn/p/1.jpg", sha256 = new string('a', 64) } },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(ProgressUri(itemId)));
        Assert.That(response.ETag(), Is.EqualTo("\"2\""));
        var body = await response.BodyAsync();
        var report = body["report"]!;
        Assert.That(report["reportedOn"].Text(), Is.EqualTo("2026-03-14"));
        Assert.That(report["summary"].Text(), Is.EqualTo("已完成雨污分流改造8公里"));
        Assert.That(report["progressStatus"].Text(), Is.EqualTo("in_progress"));
        Assert.That(report["scheduleStatus"].Text(), Is.EqualTo("ahead"));
        Assert.That(report["evidence"]![0]!["uri"].Text(), Is.EqualTo("https://files.example.cn/p/1.jpg"));
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo("\"2\""));
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("in_progress"));
        Assert.That(item["scheduleStatus"].Text(), Is.EqualTo("ahead"));
        Assert.That(item["quantity"]!["done"]!.GetValue<decimal>(), Is.EqualTo(8m));
        Assert.That(item["quantity"]!["target"]!.GetValue<decimal>(), Is.EqualTo(12m));
        Assert.That(item["obstacles"].Text(), Is.EqualTo("部分路段涉及土地报批，预计5月开工"));
    }

    [Test]
    public async Task ListProgress_AfterTwoReports_ListsBothWithWhoReported()
    {
        var itemId = await NewItemIdAsync();
        using var reporter = await App.WithScopesAsync(["read", "report"]);
        await reporter.ReportProgressAsync(itemId, "in_progress", "2026-03-01");
        await reporter.ReportProgressAsync(itemId, "basically_completed", "2026-03-10");

        var reports = await ReportsAsync(itemId);

        Assert.That(reports.Select(r => r!["progressStatus"].Text()), Is.EqualTo(new[] { "in_progress", "basically_completed" }));
        Assert.That(reports.Select(r => r!["reportedOn"].Text()), Is.EqualTo(new[] { "2026-03-01", "2026-03-10" }));
        Assert.That(reports.Select(r => r!["reportedBy"].Text()), Is.All.EqualTo("test read+report"));
        Assert.That(reports.Select(r => r!["itemId"]!.GetValue<Guid>()), Is.All.EqualTo(itemId));
    }

    [Test]
    public async Task ReportProgress_TheLatestReport_DrivesProgressAndScheduleStatus()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "in_progress", "2026-03-01", "behind");

        await Admin.ReportProgressAsync(itemId, "basically_completed", "2026-03-10", "on_schedule");

        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("basically_completed"));
        Assert.That(item["scheduleStatus"].Text(), Is.EqualTo("on_schedule"));
    }

    [Test]
    public async Task ReportProgress_WhenDatedBeforeTheLatest_IsListedButDoesNotDriveTheItem()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "in_progress", "2026-03-10", "behind");

        await Admin.ReportProgressAsync(itemId, "basically_completed", "2026-03-05", "ahead");

        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("in_progress"));
        Assert.That(item["scheduleStatus"].Text(), Is.EqualTo("behind"));
        Assert.That((await ReportsAsync(itemId)).Select(r => r!["reportedOn"].Text()), Is.EquivalentTo(new[] { "2026-03-10", "2026-03-05" }));
    }

    [Test]
    public async Task ReportProgress_WhenItGoesBackwards_Returns409ProgressBackwardsAndChangesNothing()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "basically_completed", "2026-03-10");
        var (before, etagBefore) = await Admin.GetItemAsync(itemId);
        var history = await Admin.ActionsAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(ProgressUri(itemId),
            new { reportedOn = "2026-03-12", summary = "返工", progressStatus = "in_progress" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("progress_backwards"));
        var (after, etagAfter) = await Admin.GetItemAsync(itemId);
        Assert.That(etagAfter, Is.EqualTo(etagBefore));
        Assert.That(after["progressStatus"].Text(), Is.EqualTo(before["progressStatus"].Text()));
        Assert.That(await ReportsAsync(itemId), Has.Count.EqualTo(1));
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(history));
    }

    [Test]
    public async Task ReportProgress_WithTheSameStatusAgain_IsAccepted()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "in_progress", "2026-03-01");

        var answer = await Admin.ReportProgressAsync(itemId, "in_progress", "2026-03-08", "behind");

        Assert.That(answer["item"]!["scheduleStatus"].Text(), Is.EqualTo("behind"));
    }

    [TestCase("not a uri", "evidence[0].uri")]
    [TestCase("photos/1.jpg", "evidence[0].uri")]
    [TestCase("", "evidence[0].uri")]
    public async Task ReportProgress_WhenEvidenceUriBad_Returns400KeyedByItAndChangesNothing(string uri, string field)
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync(ProgressUri(itemId), new
        {
            reportedOn = "2026-03-15", summary = "推进中", progressStatus = "in_progress",
            evidence = new[] { new { name = "照片", uri, sha256 = (string?)null } },
        });

        await response.ValidationProblemAsync(field);
        Assert.That(await ReportsAsync(itemId), Is.Empty);
        var (item, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("not_started"));
        Assert.That(etag, Is.EqualTo("\"1\""));
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(new[] { "created" }));
    }

    [TestCase("abc123")]
    [TestCase("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task ReportProgress_WhenEvidenceSha256Bad_Returns400KeyedByItAndChangesNothing(string sha256)
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync(ProgressUri(itemId), new
        {
            reportedOn = "2026-03-15", summary = "推进中", progressStatus = "in_progress",
            evidence = new[]
            {
                new { name = "照片1", uri = "https://files.example.cn/1.jpg", sha256 = new string('0', 64) },
                new { name = "照片2", uri = "https://files.example.cn/2.jpg", sha256 },
            },
        });

        await response.ValidationProblemAsync("evidence[1].sha256");
        Assert.That(await ReportsAsync(itemId), Is.Empty);
        Assert.That((await Admin.GetItemAsync(itemId)).ETag, Is.EqualTo("\"1\""));
    }

    [TestCase("progressStatus", "finished")]
    [TestCase("scheduleStatus", "late")]
    [TestCase("reportedOn", "2026/03/15")]
    public async Task ReportProgress_WhenFieldHasAWrongValue_Returns400KeyedByField(string field, string value)
    {
        var itemId = await NewItemIdAsync();
        var body = new JsonObject
        {
            ["reportedOn"] = "2026-03-15", ["summary"] = "推进中", ["progressStatus"] = "in_progress", [field] = value,
        };

        using var response = await Admin.PostJsonAsync(ProgressUri(itemId), body);

        await response.ValidationProblemAsync(field);
        Assert.That(await ReportsAsync(itemId), Is.Empty);
    }

    [TestCase("reportedOn")]
    [TestCase("summary")]
    [TestCase("progressStatus")]
    public async Task ReportProgress_WhenRequiredFieldMissing_Returns400KeyedByField(string missing)
    {
        var itemId = await NewItemIdAsync();
        var body = new JsonObject { ["reportedOn"] = "2026-03-15", ["summary"] = "推进中", ["progressStatus"] = "in_progress" };
        body.Remove(missing);

        using var response = await Admin.PostJsonAsync(ProgressUri(itemId), body);

        await response.ValidationProblemAsync(missing);
    }

    [Test]
    public async Task ReportProgress_WhenQuantityDoneNegative_Returns400KeyedQuantityDone()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync(ProgressUri(itemId),
            new { reportedOn = "2026-03-15", summary = "推进中", progressStatus = "in_progress", quantityDone = -1 });

        await response.ValidationProblemAsync("quantityDone");
    }

    [Test]
    public async Task ReportProgress_WithoutReportScope_Returns403()
    {
        var itemId = await NewItemIdAsync();
        using var writer = await App.WithScopesAsync(["read", "write"]);

        using var response = await writer.PostAsJsonAsync(ProgressUri(itemId),
            new { reportedOn = "2026-03-15", summary = "推进中", progressStatus = "in_progress" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await ReportsAsync(itemId), Is.Empty);
    }

    [Test]
    public async Task ReportProgress_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.PostAsJsonAsync(ProgressUri(Guid.NewGuid()),
            new { reportedOn = "2026-03-15", summary = "推进中", progressStatus = "in_progress" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ListProgress_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.GetAsync(ProgressUri(Guid.NewGuid()));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
