using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rectify.Infrastructure.Demo;

namespace Rectify.IntegrationTests.DemoData;

/// <summary>
/// The demo ledger behind <c>--seed-demo</c>: loaded twice through the app's own services (the switch is a
/// command-line matter), then read back through the HTTP API as an office would see it.
/// </summary>
public sealed class DemoLedgerTests : ApiTest
{
    private DemoSummary? _first;
    private DemoSummary? _second;
    private Snapshot _afterFirst = null!;
    private Snapshot _afterSecond = null!;

    private sealed record Snapshot(JsonArray Units, JsonArray Inspections, JsonArray Items, long AuditEvents);

    [OneTimeSetUp]
    public async Task SeedTwice()
    {
        _first = await SeedAsync();
        _afterFirst = await SnapshotAsync();
        _second = await SeedAsync();
        _afterSecond = await SnapshotAsync();
    }

    [Test]
    public void SeedDemo_OnAnEmptyDatabase_LoadsUnitsInspectionsAndItems()
    {
        Assert.That(_first, Is.Not.Null, "The first load should seed.");
        Assert.Multiple(() =>
        {
            Assert.That(_afterFirst.Units, Has.Count.InRange(12, 20));
            Assert.That(_afterFirst.Inspections, Has.Count.GreaterThanOrEqualTo(5));
            Assert.That(_afterFirst.Inspections.Select(i => Text(i, "kind")).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
            Assert.That(_afterFirst.Items, Has.Count.InRange(40, 60));
            Assert.That(_first!.Items, Is.EqualTo(_afterFirst.Items.Count));
        });
    }

    [Test]
    public void SeedDemo_Items_CoverEveryProgressStatus()
    {
        var statuses = _afterFirst.Items.Select(i => Text(i, "progressStatus")).Distinct();

        Assert.That(statuses, Is.EquivalentTo(new[] { "not_started", "in_progress", "basically_completed", "completed" }));
    }

    [Test]
    public void SeedDemo_Items_CoverEverySignOffStatus()
    {
        var statuses = _afterFirst.Items.Select(i => Text(i, "signOffStatus")).Distinct();

        Assert.That(statuses, Is.EquivalentTo(new[] { "none", "requested", "returned", "signed_off" }));
    }

    [Test]
    public void SeedDemo_SignOffRequests_WaitAtDifferentStepsOfTheirChains()
    {
        var pendingSteps = _afterFirst.Items.Where(i => Text(i, "signOffStatus") == "requested")
            .Select(i => Text(i, "signOffStep")).Distinct().ToList();

        Assert.That(pendingSteps, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(pendingSteps, Does.Contain("市整改办审核销号").And.Contain("区领导签字"));
    }

    [Test]
    public async Task SeedDemo_OverdueFilter_ListsOpenItemsPastTheirDueDate()
    {
        var overdue = await ItemsAsync("/api/v1/items?overdue=true&limit=200");

        Assert.That(overdue, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(overdue.Select(i => i!["isOverdue"]!.GetValue<bool>()), Is.All.True);
            Assert.That(overdue.Select(i => Text(i, "progressStatus")), Has.None.EqualTo("completed"));
            Assert.That(overdue.Select(i => Text(i, "progressStatus")), Does.Contain("not_started").And.Contain("basically_completed"));
        });
    }

    [Test]
    public void SeedDemo_Items_IncludeRecurredItemsThatReopened()
    {
        var recurred = _afterFirst.Items.Where(i => i!["recurrenceCount"]!.GetValue<int>() > 0).ToList();

        Assert.That(recurred, Is.Not.Empty);
        Assert.That(recurred.Select(i => Text(i, "progressStatus")), Does.Contain("in_progress"),
            "A recurrence reopens the item; one recurred item is still being worked on again.");
    }

    [Test]
    public void SeedDemo_ApprovedExtension_MovesTheDueDateAndKeepsTheOriginal()
    {
        var extended = _afterFirst.Items.Where(i =>
            i!["dueDate"] is { } due && i["originalDueDate"] is { } original &&
            DateOnly.Parse(due.GetValue<string>()) > DateOnly.Parse(original.GetValue<string>()) &&
            i["recurrenceCount"]!.GetValue<int>() == 0).ToList();

        Assert.That(extended, Is.Not.Empty);
    }

    [Test]
    public void SeedDemo_Items_CarryQuantitiesKeyFlagsAspectsAndSeveralMeasures()
    {
        var items = _afterFirst.Items;

        Assert.Multiple(() =>
        {
            Assert.That(items.Where(i => i!["quantity"] is JsonObject q && q["unit"]?.GetValue<string>() == "公里"), Is.Not.Empty);
            Assert.That(items.Where(i => i!["isKey"]!.GetValue<bool>()), Is.Not.Empty);
            Assert.That(items.Select(i => i!["aspect"]?.GetValue<string>()).OfType<string>().Distinct().Count(), Is.EqualTo(3));
            Assert.That(items.Select(i => i!["measures"]!["total"]!.GetValue<int>()), Is.All.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public async Task SeedDemo_AuditTrail_VerifiesIntact()
    {
        using var response = await Admin.GetAsync("/api/v1/audit/verify");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var verification = await response.BodyAsync();

        Assert.That(verification["intact"]!.GetValue<bool>(), Is.True, verification.ToJsonString());
        Assert.That(_afterFirst.AuditEvents, Is.GreaterThan(_afterFirst.Items.Count * 5));
    }

    [Test]
    public void SeedDemo_WhenRunTwice_SkipsAndDuplicatesNothing()
    {
        Assert.That(_second, Is.Null, "The second load should find the demo root unit and skip.");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(_afterSecond.Units), Is.EqualTo(Ids(_afterFirst.Units)));
            Assert.That(Ids(_afterSecond.Inspections), Is.EqualTo(Ids(_afterFirst.Inspections)));
            Assert.That(Ids(_afterSecond.Items), Is.EqualTo(Ids(_afterFirst.Items)));
            Assert.That(_afterSecond.AuditEvents, Is.EqualTo(_afterFirst.AuditEvents));
        });
    }

    private async Task<DemoSummary?> SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await DemoLedger.SeedAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private async Task<Snapshot> SnapshotAsync()
    {
        using var verify = await Admin.GetAsync("/api/v1/audit/verify");
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verify.Content.ReadAsStringAsync());
        return new Snapshot(
            await ItemsAsync("/api/v1/units?q=DEMO-&limit=200"),
            await ItemsAsync("/api/v1/inspections?limit=200"),
            await ItemsAsync("/api/v1/items?limit=200"),
            (await verify.BodyAsync())["eventsChecked"]!.GetValue<long>());
    }

    /// <summary>One page of a list; the demo fits in one, so a next cursor would mean something is off.</summary>
    private async Task<JsonArray> ItemsAsync(string uri)
    {
        using var response = await Admin.GetAsync(uri);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = await response.BodyAsync();
        Assert.That(page["nextCursor"], Is.Null, $"{uri} has more than one page.");
        return page["items"]!.AsArray();
    }

    private static string Text(JsonNode? node, string field) => node![field]!.GetValue<string>();

    private static List<Guid> Ids(JsonArray list) => list.Select(i => i!["id"]!.GetValue<Guid>()).ToList();
}
