using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Rectify.Application.Auditing;
using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>
/// The HMAC key of the audit chains and checkpoints. It is loaded once at start-up (<see cref="AuditTrailPreparation"/>),
/// before anything is audited, and never stored in the database: whoever can rewrite the tables cannot re-make a link.
/// </summary>
internal sealed class AuditKey : IAuditKey
{
    private byte[]? _bytes;

    /// <summary>A fingerprint of the key, stored with the chains so that a start with another key is refused.</summary>
    public string Id => Sign("rectify-audit-key-id")[..16];

    public void Use(byte[] bytes) => _bytes = bytes;

    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(Bytes, Encoding.UTF8.GetBytes(text)));

    public bool Verifies(string text, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Sign(text)), Encoding.UTF8.GetBytes(signature));

    private byte[] Bytes => _bytes ?? throw new InvalidOperationException("The audit key is loaded at start-up, after the migrations.");
}

/// <summary>
/// Where the audit key comes from: <c>Audit:Key</c>, else a key file (<c>Audit:KeyFile</c>, by default beside the SQLite
/// file), created on first start with owner-only permissions. With no SQLite file and no setting there is nowhere safe
/// to keep it, so the start fails naming <c>Audit:Key</c>.
/// </summary>
internal sealed class AuditKeySource(AuditOptions options, ConnectionFactory connections, ILogger<AuditKeySource> logger)
{
    private const int MinimumBytes = 32;

    /// <summary>
    /// The key bytes and where they came from. A missing key file is created only for a trail not yet keyed: for a keyed
    /// one a new key would fail every link, so the start is refused instead.
    /// </summary>
    public (byte[] Key, string Source) Load(bool trailIsKeyed)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
            return (Decode(options.Key, "Audit:Key"), "Audit:Key");
        var path = KeyFilePath() ?? throw new InvalidSettingException(
            "Audit:Key is required when the database is not a SQLite file (Database:Provider SqlServer): set it to the base64 of " +
            "at least 32 random bytes (e.g. `openssl rand -base64 32`), from your secret store, and keep a copy.");
        if (File.Exists(path))
            return (Read(path), path);
        if (trailIsKeyed)
            throw new InvalidSettingException(
                $"The audit key file {path} is missing, but this database's audit trail was chained with a key: restore the key " +
                "file that belongs to this database (or set Audit:Key to that key). A new key would fail every link.");
        return (Create(path), path);
    }

    private string? KeyFilePath()
    {
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
            return Path.GetFullPath(options.KeyFile);
        if (connections.Dialect != SqlDialect.Sqlite)
            return null;
        var dataSource = new SqliteConnectionStringBuilder(connections.ConnectionString).DataSource;
        return dataSource is "" or ":memory:" ? null : Path.ChangeExtension(Path.GetFullPath(dataSource), ".audit-key");
    }

    private byte[] Read(string path)
    {
        if (!OperatingSystem.IsWindows() &&
            (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            logger.LogWarning("The audit key file {Path} can be read or written by others than its owner; chmod 600 it.", path);
        return Decode(File.ReadAllText(path), path);
    }

    private byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path, Encoding.ASCII, file))
            writer.WriteLine(Convert.ToBase64String(key));
        logger.LogWarning("Created the audit key file {Path}. Back it up, apart from the database: without it the audit trail " +
                          "cannot be verified.", path);
        return key;
    }

    private static byte[] Decode(string text, string source)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) && length >= MinimumBytes
            ? bytes[..length]
            : throw new InvalidSettingException(
                $"{source} must hold the base64 of at least {MinimumBytes} random bytes (e.g. `openssl rand -base64 32`).");
    }
}
