using Rectify.Application.Common;

namespace Rectify.Infrastructure.Persistence.Auditing;

/// <summary>The <c>Audit</c> configuration section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The audit key, base64 of at least 32 random bytes; required when the database is not a SQLite file.</summary>
    public string? Key { get; set; }

    /// <summary>Where the key file is kept when <see cref="Key"/> is not set; by default beside the SQLite file.</summary>
    public string? KeyFile { get; set; }

    /// <summary>How often a signed checkpoint of the chain heads is made.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromDays(1);

    public AuditOptions Validated() => CheckpointInterval <= TimeSpan.Zero
        ? throw new InvalidSettingException($"{Section}:CheckpointInterval must be positive (e.g. 1.00:00:00 for daily).")
        : this;
}
