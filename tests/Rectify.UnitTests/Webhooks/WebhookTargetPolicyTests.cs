using Rectify.Application.Common;
using System.Net;
using Rectify.Infrastructure.Webhooks;

namespace Rectify.UnitTests.Webhooks;

public sealed class WebhookTargetPolicyTests
{
    [TestCase("10.0.0.5")]
    [TestCase("10.255.255.255")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.254")]
    [TestCase("192.168.0.1")]
    [TestCase("127.0.0.1")]
    [TestCase("127.255.0.9")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("100.127.255.254")]
    [TestCase("0.0.0.0")]
    [TestCase("::")]
    [TestCase("::1")]
    [TestCase("fc00::1")]
    [TestCase("fdff:ffff::1")]
    [TestCase("fe80::1")]
    [TestCase("febf::1")]
    [TestCase("::ffff:192.168.1.1")]
    [TestCase("::10.1.2.3")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    [TestCase("64:ff9b:1::8.8.8.8")]
    [TestCase("2002:a9fe:a9fe::1")]
    [TestCase("2001:0:4136:e378::1")]
    [TestCase("ff02::1")]
    [TestCase("224.0.0.1")]
    [TestCase("239.255.255.250")]
    [TestCase("240.0.0.1")]
    [TestCase("255.255.255.255")]
    [TestCase("198.18.0.1")]
    [TestCase("192.0.0.8")]
    public void IsForbidden_WhenTheAddressIsInternal_IsTrue(string address) =>
        Assert.That(WebhookTargetPolicy.IsForbidden(IPAddress.Parse(address)), Is.True);

    [TestCase("8.8.8.8")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("192.169.0.1")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.1")]
    [TestCase("169.253.1.1")]
    [TestCase("203.0.113.10")]
    [TestCase("2001:db8::1")]
    [TestCase("::ffff:8.8.4.4")]
    [TestCase("64:ff9b::808:808")]
    [TestCase("2002:808:808::1")]
    [TestCase("198.20.0.1")]
    public void IsForbidden_WhenTheAddressIsPublic_IsFalse(string address) =>
        Assert.That(WebhookTargetPolicy.IsForbidden(IPAddress.Parse(address)), Is.False);

    [Test]
    public async Task Refusal_WhenPrivateTargetsAreAllowed_IsNull() =>
        Assert.That(await new WebhookTargetPolicy(new WebhookOptions { AllowPrivateTargets = true })
            .RefusalAsync(new Uri("http://10.0.0.5/hook"), CancellationToken.None), Is.Null);
}

public sealed class RetryScheduleTests
{
    [Test]
    public void DelayAfter_DoublesItsCeilingPerAttempt_UpToTheCap()
    {
        var baseDelay = TimeSpan.FromSeconds(5);
        var cap = TimeSpan.FromHours(1);
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, attempt - 1)));
            var delays = Enumerable.Range(0, 200).Select(_ => RetrySchedule.DelayAfter(attempt, baseDelay, cap)).ToList();
            Assert.That(delays, Is.All.InRange(TimeSpan.Zero, ceiling), $"attempt {attempt}");
            Assert.That(delays.Max(), Is.GreaterThan(ceiling / 2), $"attempt {attempt} reaches towards its ceiling");
        }
    }

    [Test]
    public void DelayAfter_IsJittered() =>
        Assert.That(Enumerable.Range(0, 20).Select(_ => RetrySchedule.DelayAfter(3, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)))
            .Distinct().Count(), Is.GreaterThan(10));

    [Test]
    public void Options_WhenTheLeaseIsNotLongerThanTheSendTimeout_AreRefused() =>
        Assert.Throws<InvalidSettingException>(() =>
            new WebhookOptions { Timeout = TimeSpan.FromSeconds(10), LeaseDuration = TimeSpan.FromSeconds(10) }.Validate());
}
