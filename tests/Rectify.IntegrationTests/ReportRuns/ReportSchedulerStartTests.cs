using Rectify.Application.Common;

namespace Rectify.IntegrationTests.ReportRuns;

/// <summary>The schedules are read and checked when the service starts: a bad one stops it, naming the setting.</summary>
public sealed class ReportSchedulerStartTests
{
    [TestCase("Reports:Schedules:overdue:Cron", "0 8 * * *")]
    [TestCase("Reports:Schedules:ranking:TimeZone", "China/Shanghai")]
    public void Start_WithABadSchedule_FailsNamingTheSetting(string key, string value)
    {
        using var app = new RectifyApp(new Dictionary<string, string> { [key] = value });

        var refused = Assert.Throws<InvalidSettingException>(() => app.Admin());

        Assert.That(refused!.Message, Does.StartWith(key));
    }
}
