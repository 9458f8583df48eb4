using Rectify.Application.Common;
using System.Security.Cryptography;
using System.Text;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>
/// The audit key: a file beside the SQLite database that only its owner can read (or <c>Audit:Key</c>), never in the
/// database, the key of every link; and a start with any other key is refused rather than breaking every link.
/// </summary>
public sealed class AuditKeyTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    /// <summary>The bootstrap admin client's first event, and whether its hash is the HMAC of its linked text under the key.</summary>
    private static async Task<bool> FirstLinkIsKeyedWithAsync(RectifyApp app, byte[] key)
    {
        var tampering = new AuditTampering(app.DatabasePath);
        var clientId = await tampering.ScalarAsync<string>("SELECT EntityId FROM AuditEvents WHERE EntityType = 'client' ORDER BY Seq LIMIT 1");
        var first = (await tampering.ChainAsync("client", Guid.Parse(clientId)))[0];
        return first.Hash == Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(first.LinkedText())));
    }

    /// <summary>Starts a second instance on the first one's database.</summary>
    private static void StartOn(RectifyApp first, Dictionary<string, string> settings)
    {
        using var app = new RectifyApp(new Dictionary<string, string>(settings) { ["Database:SqlitePath"] = first.DatabasePath });
        app.Admin().Dispose();
    }

    [Test]
    public async Task KeyFile_OnFirstStart_IsCreatedBesideTheDatabaseForItsOwnerOnly_AndKeysTheLinks()
    {
        using var app = new RectifyApp();
        app.Admin().Dispose();

        Assert.That(File.Exists(app.AuditKeyPath), Is.True, app.AuditKeyPath);
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(app.AuditKeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var text = (await File.ReadAllTextAsync(app.AuditKeyPath)).Trim();
        var key = Convert.FromBase64String(text);
        Assert.That(key, Has.Length.EqualTo(32));
        Assert.That(await FirstLinkIsKeyedWithAsync(app, key), Is.True);
        Assert.That(await FirstLinkIsKeyedWithAsync(app, new byte[32]), Is.False);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.That(await reader.ReadToEndAsync(), Does.Not.Contain(text), $"the key is not stored in {file}");
        }
    }

    [Test]
    public async Task ConfiguredKey_KeysTheLinks_AndNoKeyFileIsWritten()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var app = new RectifyApp(new Dictionary<string, string> { ["Audit:Key"] = Convert.ToBase64String(key) });
        app.Admin().Dispose();

        Assert.That(File.Exists(app.AuditKeyPath), Is.False);
        Assert.That(await FirstLinkIsKeyedWithAsync(app, key), Is.True);
    }

    [Test]
    public void Start_WithAnotherKeyThanTheTrailWasChainedWith_IsRefused()
    {
        using var first = new RectifyApp();
        first.Admin().Dispose();

        var refused = Assert.Throws<InvalidSettingException>(() =>
            StartOn(first, new Dictionary<string, string> { ["Audit:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));

        Assert.That(refused!.Message, Does.Contain("is not the key this database's audit trail was chained with"));
    }

    [Test]
    public void Start_WhenTheKeyFileOfAKeyedTrailIsMissing_IsRefusedAndCreatesNoNewKey()
    {
        using var first = new RectifyApp();
        first.Admin().Dispose();
        File.Delete(first.AuditKeyPath);

        var refused = Assert.Throws<InvalidSettingException>(() => StartOn(first, NoSettings));

        Assert.That(refused!.Message, Does.Contain($"The audit key file {first.AuditKeyPath} is missing"));
        Assert.That(File.Exists(first.AuditKeyPath), Is.False);
    }

    [Test]
    public void Start_WithAKeyTooShort_IsRefusedNamingAuditKey()
    {
        using var app = new RectifyApp(new Dictionary<string, string> { ["Audit:Key"] = Convert.ToBase64String(new byte[16]) });

        var refused = Assert.Throws<InvalidSettingException>(() => app.Admin());

        Assert.That(refused!.Message, Does.StartWith("Audit:Key must hold the base64 of at least 32 random bytes"));
    }
}
