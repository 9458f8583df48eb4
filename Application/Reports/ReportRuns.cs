using Rectify.Application.Common.Paging;

namespace Rectify.Application.Reports;

/// <summary>
/// A run's period and the date it is reported as of: <paramref name="Name"/> such as 2026, 2026-12, 2026-W49,
/// 2026-11-28, or 2026-11-28T08:00:03 for schedules finer than daily.
/// </summary>
public sealed record ReportPeriod(string Name, DateOnly AsOf);

/// <summary>The configured schedule of each kind and the periods it names (cron in the schedule's own time zone).</summary>
public interface IReportSchedules
{
    /// <summary>The period of the latest fire at or before <paramref name="at"/>; as of that fire's local date.</summary>
    ReportPeriod PeriodAt(ReportKind kind, DateTimeOffset at);

    /// <summary>
    /// A period named by a client: it must be spelled as the kind's cadence names periods and must have begun; it is
    /// reported as of its last day, or today while it runs. A 400 on <c>period</c> otherwise.
    /// </summary>
    ReportPeriod Named(ReportKind kind, string period, DateTimeOffset now);
}

/// <summary>A stored run as listed and fetched; the document itself is read with <see cref="IReportRunStore.OpenContentAsync"/>.</summary>
public sealed record ReportRunResponse(
    Guid Id,
    ReportKind Kind,
    string Period,
    DateOnly AsOf,
    DateTimeOffset GeneratedAt,
    ReportRunTrigger Trigger,
    Guid? RequestedByClientId,
    IReadOnlyDictionary<string, object?> Figures,
    long ContentLength,
    long CompressedLength)
{
    public string Href => $"/api/v1/report-runs/{Id}";
}

/// <summary>A run to store: its row and its JSON document, gzip-compressed.</summary>
public sealed record NewReportRun(ReportRunResponse Run, byte[] CompressedContent);

public interface IReportRunStore
{
    Task<ReportRunResponse?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<ReportRunResponse?> FindAsync(ReportKind kind, string period, CancellationToken cancellationToken);

    /// <summary>The as-of date of the kind's latest run before <paramref name="asOf"/>: where "what changed" starts.</summary>
    Task<DateOnly?> PreviousAsOfAsync(ReportKind kind, DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>Inserts the run; a run of the same kind and period stored meanwhile makes it a conflict.</summary>
    Task InsertAsync(NewReportRun run, CancellationToken cancellationToken);

    /// <summary>Runs newest first.</summary>
    Task<Page<ReportRunResponse>> ListAsync(ReportKind? kind, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>The run's JSON document, decompressed as it is read; null when there is no such run.</summary>
    Task<Stream?> OpenContentAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Settings of stored runs that are not schedules.</summary>
public sealed class ReportRunOptions
{
    public const string Section = "Reports:Runs";

    /// <summary>
    /// For drills and tests only (default zero): how long a run waits, its row written, before its transaction commits,
    /// so that a process can be caught — and killed — in the middle of a run.
    /// </summary>
    public TimeSpan HoldOpenBeforeCommit { get; set; } = TimeSpan.Zero;
}
