using Rectify.Application.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Rectify.Infrastructure.Persistence;
using Rectify.Infrastructure.Persistence.Auditing;

namespace Rectify.UnitTests.Auditing;

/// <summary>Where the audit key comes from, and the one clear refusal when there is nowhere safe to keep it.</summary>
public sealed class AuditKeySourceTests
{
    private static AuditKeySource Source(AuditOptions options, DatabaseOptions database) =>
        new(options, new ConnectionFactory(database), NullLogger<AuditKeySource>.Instance);

    private static readonly DatabaseOptions SqlServer =
        new() { Provider = SqlDialect.SqlServer, ConnectionString = "Server=db;Database=Rectify;Integrated Security=true" };

    [Test]
    public void Load_OnSqlServerWithoutAuditKey_FailsNamingAuditKey()
    {
        var refused = Assert.Throws<InvalidSettingException>(() => Source(new AuditOptions(), SqlServer).Load(trailIsKeyed: false));

        Assert.That(refused!.Message, Does.StartWith("Audit:Key is required when the database is not a SQLite file"));
    }

    [Test]
    public void Load_OnSqlServerWithAuditKey_UsesIt()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var (loaded, source) = Source(new AuditOptions { Key = Convert.ToBase64String(key) }, SqlServer).Load(trailIsKeyed: true);

        Assert.That((loaded, source), Is.EqualTo((key, "Audit:Key")));
    }

    [TestCase("not base64!")]
    [TestCase("AAECAwQFBgcICQoLDA0ODw==")]
    public void Load_WhenAuditKeyIsNotBase64OfAtLeast32Bytes_FailsNamingIt(string key)
    {
        var refused = Assert.Throws<InvalidSettingException>(() => Source(new AuditOptions { Key = key }, SqlServer).Load(false));

        Assert.That(refused!.Message, Does.StartWith("Audit:Key must hold the base64 of at least 32 random bytes"));
    }
}
