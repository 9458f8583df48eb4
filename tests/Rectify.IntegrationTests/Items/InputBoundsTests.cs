using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// Every date a request carries lies within 2000-01-01..2100-12-31, and set-valued arrays are capped: a value
/// outside is a 400 keyed by its field, and the request changes nothing.
/// </summary>
public sealed class InputBoundsTests : ItemTest
{
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, JsonObject body,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private async Task<bool> ItemExistsAsync(string code)
    {
        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={InspectionId}&q={Uri.EscapeDataString(code)}&limit=200");
        return page["items"]!.AsArray().Any(item => item!["code"].Text() == code);
    }

    /// <summary>The request that carries <paramref name="date"/> in <paramref name="field"/>, on an item arranged for it.</summary>
    private async Task<(HttpMethod Method, string Uri, JsonObject Body, string? IfMatch, Guid? ItemId)> ArrangeAsync(
        string action, string date)
    {
        switch (action)
        {
            case "create item":
            {
                var body = Body();
                body["dueDate"] = date;
                return (HttpMethod.Post, ItemsPath, body, null, null);
            }
            case "put item by ref":
            {
                var body = Body();
                body["dueDate"] = date;
                return (HttpMethod.Put, $"{ItemsPath}/by-ref/省督察整改平台/{NewCode("R")}", body, null, null);
            }
            case "patch item":
            {
                var itemId = await NewItemIdAsync();
                return (HttpMethod.Patch, ItemUri(itemId), new JsonObject { ["dueDate"] = date }, "*", itemId);
            }
            case "add measure":
            {
                var itemId = await NewItemIdAsync();
                return (HttpMethod.Post, $"{ItemUri(itemId)}/measures",
                    new JsonObject { ["description"] = "完成沿河截污管网建设", ["dueDate"] = date }, null, itemId);
            }
            case "patch measure due date":
            {
                var itemId = await NewItemIdAsync();
                var measureId = await Admin.AddMeasureAsync(itemId);
                return (HttpMethod.Patch, $"{ItemUri(itemId)}/measures/{measureId}", new JsonObject { ["dueDate"] = date }, "*", itemId);
            }
            case "implement measure":
            {
                var itemId = await NewItemIdAsync();
                var measureId = await Admin.AddMeasureAsync(itemId);
                return (HttpMethod.Patch, $"{ItemUri(itemId)}/measures/{measureId}",
                    new JsonObject { ["implemented"] = true, ["implementedOn"] = date }, "*", itemId);
            }
            case "report progress":
            {
                var itemId = await NewItemIdAsync();
                return (HttpMethod.Post, $"{ItemUri(itemId)}/progress", new JsonObject
                {
                    ["reportedOn"] = date, ["summary"] = "推进中", ["progressStatus"] = "in_progress",
                }, null, itemId);
            }
            case "request extension":
            {
                var itemId = await NewItemIdAsync();
                return (HttpMethod.Post, $"{ItemUri(itemId)}/extensions",
                    new JsonObject { ["requestedDueDate"] = date, ["reason"] = "汛期无法施工" }, null, itemId);
            }
            case "recurrence detected":
            case "recurrence new due date":
            {
                var itemId = await NewItemIdAsync();
                var detected = action == "recurrence detected";
                return (HttpMethod.Post, $"{ItemUri(itemId)}/recurrences", new JsonObject
                {
                    ["detectedOn"] = detected ? date : "2026-03-01", ["detectedBy"] = "市督察组", ["description"] = "再次发现雨污混流",
                    ["newDueDate"] = detected ? "2026-12-31" : date,
                }, null, itemId);
            }
            case "create inspection feedback":
            case "create inspection plan":
            {
                var body = InspectionApi.InspectionBody($"边界检查 {NewCode()}");
                body[action.EndsWith("feedback", StringComparison.Ordinal) ? "feedbackDate" : "planDueDate"] = date;
                return (HttpMethod.Post, InspectionApi.InspectionsPath, body, null, null);
            }
            case "patch inspection feedback":
            case "patch inspection plan":
            {
                var inspection = await Admin.CreateInspectionAsync($"边界检查 {NewCode()}");
                var field = action.EndsWith("feedback", StringComparison.Ordinal) ? "feedbackDate" : "planDueDate";
                return (HttpMethod.Patch, InspectionApi.InspectionUri(inspection), new JsonObject { [field] = date }, "*", null);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    [TestCase("create item", "dueDate", "0001-01-01")]
    [TestCase("create item", "dueDate", "1999-12-31")]
    [TestCase("create item", "dueDate", "2101-01-01")]
    [TestCase("put item by ref", "dueDate", "1999-12-31")]
    [TestCase("put item by ref", "dueDate", "2101-01-01")]
    [TestCase("patch item", "dueDate", "1999-12-31")]
    [TestCase("patch item", "dueDate", "2101-01-01")]
    [TestCase("add measure", "dueDate", "1999-12-31")]
    [TestCase("add measure", "dueDate", "2101-01-01")]
    [TestCase("patch measure due date", "dueDate", "1999-12-31")]
    [TestCase("patch measure due date", "dueDate", "2101-01-01")]
    [TestCase("implement measure", "implementedOn", "1999-12-31")]
    [TestCase("report progress", "reportedOn", "1999-12-31")]
    [TestCase("request extension", "requestedDueDate", "2101-01-01")]
    [TestCase("recurrence detected", "detectedOn", "1999-12-31")]
    [TestCase("recurrence new due date", "newDueDate", "2101-01-01")]
    [TestCase("create inspection feedback", "feedbackDate", "1999-12-31")]
    [TestCase("create inspection plan", "planDueDate", "2101-01-01")]
    [TestCase("patch inspection feedback", "feedbackDate", "1999-12-31")]
    [TestCase("patch inspection plan", "planDueDate", "2101-01-01")]
    public async Task BusinessDate_WhenOutsideBounds_Returns400KeyedByFieldAndChangesNothing(string action, string field, string date)
    {
        var (method, uri, body, ifMatch, itemId) = await ArrangeAsync(action, date);
        var before = itemId is { } id ? (await Admin.GetItemAsync(id)).ETag : null;

        using var response = await SendAsync(Admin, method, uri, body, ifMatch);

        await response.ValidationProblemAsync(field);
        if (itemId is { } changed)
            Assert.That((await Admin.GetItemAsync(changed)).ETag, Is.EqualTo(before));
    }

    [TestCase("0001-01-01")]
    [TestCase("2101-01-01")]
    public async Task CreateItem_WhenDueDateOutsideBounds_Returns400KeyedDueDateAndCreatesNothing(string dueDate)
    {
        var body = Body();
        body["dueDate"] = dueDate;

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("dueDate");
        Assert.That(await ItemExistsAsync(body["code"].Text()), Is.False);
    }

    [TestCase("dueFrom", "1999-12-31")]
    [TestCase("dueTo", "9999-12-31")]
    public async Task ListItems_WhenADueDateFilterIsOutsideBounds_Returns400KeyedByIt(string filter, string date)
    {
        using var response = await Admin.GetAsync($"{ItemsPath}?{filter}={date}");

        await response.ValidationProblemAsync(filter);
    }

    [TestCase("2000-01-01")]
    [TestCase("2100-12-31")]
    public async Task CreateItem_WhenDueDateOnABound_Returns201(string dueDate)
    {
        var item = await NewItemAsync(body => body["dueDate"] = dueDate);

        Assert.That(item["dueDate"].Text(), Is.EqualTo(dueDate));
    }

    [Test]
    public async Task ReportProgress_WhenDatedBefore2000_Returns400KeyedReportedOnAndRecordsNoReport()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn = "1999-12-31", summary = "推进中", progressStatus = "in_progress" });

        await response.ValidationProblemAsync("reportedOn");
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["progressStatus"].Text(), Is.Not.EqualTo("in_progress"));
        Assert.That(await Admin.ActionsAsync(itemId), Has.No.Member("progress_reported"));
    }

    [Test]
    public async Task CreateItem_WhenDeadlineKindsLongerThanThree_Returns400KeyedDeadlineKindsAndCreatesNothing()
    {
        var body = Body();
        body["deadlineKinds"] = new JsonArray("by_date", "by_date", "ongoing", "immediate");

        using var response = await Admin.PostJsonAsync(ItemsPath, body);

        await response.ValidationProblemAsync("deadlineKinds");
        Assert.That(await ItemExistsAsync(body["code"].Text()), Is.False);
    }

    [Test]
    public async Task UpdateItem_WhenDeadlineKindsLongerThanThree_Returns400KeyedDeadlineKinds()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.PatchJsonAsync(ItemUri(itemId),
            new { deadlineKinds = new[] { "ongoing", "ongoing", "ongoing", "ongoing" } }, "*");

        await response.ValidationProblemAsync("deadlineKinds");
        Assert.That((await Admin.GetItemAsync(itemId)).ETag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task UpsertItemByRef_WhenDeadlineKindsLongerThanThree_Returns400KeyedDeadlineKinds()
    {
        var body = Body();
        body["deadlineKinds"] = new JsonArray("by_date", "by_date", "by_date", "by_date");

        using var response = await SendAsync(Admin, HttpMethod.Put, $"{ItemsPath}/by-ref/省督察整改平台/{NewCode("R")}", body);

        await response.ValidationProblemAsync("deadlineKinds");
    }
}
