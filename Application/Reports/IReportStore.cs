namespace Rectify.Application.Reports;

/// <summary>
/// What the reports read that the statistics store does not count: the overdue and due-soon rows in the order they are
/// written out, counts per lead unit and per inspection, and the small lookup tables (units, inspections).
/// </summary>
public interface IReportStore
{
    /// <summary>Every unit, in tree order (by path: a unit before the units below it).</summary>
    Task<IReadOnlyList<ReportUnit>> UnitsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReportInspection>> InspectionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The open items overdue as of the window's day, or (<paramref name="overdue"/> false) those due soon, from that day
    /// to its last day; ordered by their lead unit's path, then due date. Read from the database as they are enumerated,
    /// never held.
    /// </summary>
    IAsyncEnumerable<DeadlineRow> ListDeadlinesAsync(ReportCriteria criteria, DeadlineWindow window, bool overdue,
        CancellationToken cancellationToken);

    /// <summary>Per lead unit, the open items overdue as of the window's day and those due soon.</summary>
    Task<IReadOnlyList<LeadDeadlineCounts>> CountDeadlinesByLeadAsync(ReportCriteria criteria, DeadlineWindow window,
        CancellationToken cancellationToken);

    /// <summary>Per inspection, what changed in the window: completions and sign-offs between two instants, due dates passed.</summary>
    Task<IReadOnlyList<InspectionChanges>> CountChangesAsync(ReportCriteria criteria, ChangeWindow window,
        CancellationToken cancellationToken);

    /// <summary>Per lead unit, the ranking's counts as of a day (completion days read in the office's UTC offset).</summary>
    Task<IReadOnlyList<RankingCounts>> CountRankingAsync(ReportCriteria criteria, DateOnly asOf, TimeSpan officeOffset,
        CancellationToken cancellationToken);
}

/// <summary>
/// The item filters every report applies: an inspection; the items where a unit or one below it holds any role
/// (<see cref="UnitPattern"/>, the unit's path plus '%'); a unit key's scope.
/// </summary>
public sealed record ReportCriteria(Guid? InspectionId, string? UnitPattern, string? ScopePattern)
{
    /// <summary>
    /// Whether a unit lies within the unitId's subtree and the key's scope. Figures labelled with a unit outside them
    /// would count only the part of its items that the filters let through, so reports show per-unit figures within reach.
    /// </summary>
    public bool Reaches(string unitPath) =>
        new[] { UnitPattern, ScopePattern }.OfType<string>().All(p => unitPath.StartsWith(p.TrimEnd('%'), StringComparison.Ordinal));
}

// Rows as Dapper maps them (settable properties; SQLite hands counts over as Int64).

public sealed record ReportUnit
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Path { get; init; } = "";
}

public sealed record ReportInspection
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    public int? Round { get; init; }
    public int Year { get; init; }
}

/// <summary>Overdue is judged as of <see cref="AsOf"/>; due soon runs from it to <see cref="LastSoonDay"/> (inclusive).</summary>
public sealed record DeadlineWindow(DateOnly AsOf, DateOnly LastSoonDay);

/// <summary>An open item with a due date, with the names a reader needs (progress and schedule in snake_case).</summary>
public sealed record DeadlineRow
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Inspection { get; init; } = "";
    public string LeadUnit { get; init; } = "";
    public DateOnly DueDate { get; init; }
    public DateOnly? OriginalDueDate { get; init; }
    public string ProgressStatus { get; init; } = "";
    public string? ScheduleStatus { get; init; }
    public string? Obstacles { get; init; }
}

public sealed record LeadDeadlineCounts
{
    public Guid UnitId { get; init; }
    public int Overdue { get; init; }
    public int DueSoon { get; init; }
}

/// <summary>Completions and sign-offs in [From, Until); open items due in [SinceDay, AsOf) are newly overdue.</summary>
public sealed record ChangeWindow(DateTimeOffset From, DateTimeOffset Until, DateOnly SinceDay, DateOnly AsOf);

public sealed record InspectionChanges
{
    public Guid InspectionId { get; init; }
    public int NewlyCompleted { get; init; }
    public int NewlySignedOff { get; init; }
    public int NewlyOverdue { get; init; }
}

/// <summary>
/// A lead unit's counts for the ranking. <see cref="Assessed"/>: items completed, or open with their original due
/// date passed; <see cref="OnTime"/>: items completed on or before their original due date (or without one).
/// </summary>
public sealed record RankingCounts
{
    public Guid UnitId { get; init; }
    public int Items { get; init; }
    public int Completed { get; init; }
    public int Overdue { get; init; }
    public int Assessed { get; init; }
    public int OnTime { get; init; }
}
