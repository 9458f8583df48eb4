using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// GET /api/v1/items/{id}: the derived deadline fields (isOverdue, overdueDays, dueInDays, warningLevel), computed
/// for "today" in the office's time zone (Asia/Shanghai). The clock starts at 2026-03-15 10:00 Shanghai.
/// </summary>
public sealed class ItemDeadlineTests : ItemTest
{
    private Task<JsonObject> ItemDueAsync(string? dueDate) => NewItemAsync(body =>
    {
        if (dueDate is null)
        {
            body["deadlineKinds"] = new JsonArray("ongoing");
            body.Remove("dueDate");
        }
        else
        {
            body["dueDate"] = dueDate;
        }
    });

    [TestCase("2026-03-05", true, 10, -10, "red")]
    [TestCase("2026-03-14", true, 1, -1, "red")]
    [TestCase("2026-03-15", false, 0, 0, "yellow")]
    [TestCase("2026-03-17", false, 0, 2, "yellow")]
    [TestCase("2026-03-18", false, 0, 3, "yellow")]
    [TestCase("2026-03-19", false, 0, 4, "blue")]
    [TestCase("2026-03-21", false, 0, 6, "blue")]
    [TestCase("2026-03-22", false, 0, 7, "blue")]
    [TestCase("2026-03-23", false, 0, 8, "none")]
    [TestCase("2026-04-14", false, 0, 30, "none")]
    public async Task GetItem_WhenDueOnDate_DerivesOverdueAndWarningForToday(string dueDate, bool isOverdue, int overdueDays,
        int dueInDays, string warningLevel)
    {
        var created = await ItemDueAsync(dueDate);

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.EqualTo(isOverdue));
        Assert.That(item["overdueDays"]!.GetValue<int>(), Is.EqualTo(overdueDays));
        Assert.That(item["dueInDays"]!.GetValue<int>(), Is.EqualTo(dueInDays));
        Assert.That(item["warningLevel"].Text(), Is.EqualTo(warningLevel));
    }

    [Test]
    public async Task GetItem_WhenOngoingWithoutDueDate_IsNeverOverdue()
    {
        var created = await ItemDueAsync(null);
        App.Clock.Now = Start.AddYears(3);

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["overdueDays"]!.GetValue<int>(), Is.Zero);
        Assert.That(item["dueInDays"], Is.Null);
        Assert.That(item["warningLevel"].Text(), Is.EqualTo("none"));
    }

    [Test]
    public async Task GetItem_WhenTheClockPassesTheDueDate_BecomesOverdueByTheDaysPassed()
    {
        var created = await ItemDueAsync("2026-03-20");
        App.Clock.Now = Start.AddDays(10);

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.True);
        Assert.That(item["overdueDays"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(item["dueInDays"]!.GetValue<int>(), Is.EqualTo(-5));
        Assert.That(item["warningLevel"].Text(), Is.EqualTo("red"));
    }

    [Test]
    public async Task GetItem_JustAfterMidnightInShanghai_IsOverdueThoughItIsStillTheDueDateInUtc()
    {
        var created = await ItemDueAsync("2026-03-15");
        App.Clock.Now = new DateTimeOffset(2026, 3, 15, 16, 30, 0, TimeSpan.Zero); // 2026-03-16 00:30 in Shanghai

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.True);
        Assert.That(item["overdueDays"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetItem_JustBeforeMidnightInShanghai_IsNotYetOverdue()
    {
        var created = await ItemDueAsync("2026-03-15");
        App.Clock.Now = new DateTimeOffset(2026, 3, 15, 15, 59, 0, TimeSpan.Zero); // 2026-03-15 23:59 in Shanghai

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["dueInDays"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task GetItem_WhenCompletedAfterItsDueDate_IsNotOverdueAndHasNoWarning()
    {
        var created = await ItemDueAsync("2026-03-14");
        await Admin.ReportProgressAsync(IdOf(created), "completed");

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["progressStatus"].Text(), Is.EqualTo("completed"));
        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
        Assert.That(item["overdueDays"]!.GetValue<int>(), Is.Zero);
        Assert.That(item["warningLevel"].Text(), Is.EqualTo("none"));
    }

    [Test]
    public async Task GetItem_WhenLastReportedBehindSchedule_IsYellowThoughFarFromDue()
    {
        var created = await ItemDueAsync("2026-12-31");
        await Admin.ReportProgressAsync(IdOf(created), "in_progress", scheduleStatus: "behind");

        var (item, _) = await Admin.GetItemAsync(IdOf(created));

        Assert.That(item["scheduleStatus"].Text(), Is.EqualTo("behind"));
        Assert.That(item["warningLevel"].Text(), Is.EqualTo("yellow"));
        Assert.That(item["isOverdue"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task ListItems_ShowsTheSameDerivedFieldsAsGet()
    {
        var created = await ItemDueAsync("2026-03-14");

        var page = await Admin.GetListAsync($"{ItemsPath}?inspectionId={InspectionId}&q={created["code"].Text()}");

        var listed = page["items"]!.AsArray().Single()!;
        Assert.That(listed["isOverdue"]!.GetValue<bool>(), Is.True);
        Assert.That(listed["overdueDays"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(listed["dueInDays"]!.GetValue<int>(), Is.EqualTo(-1));
        Assert.That(listed["warningLevel"].Text(), Is.EqualTo("red"));
    }
}
