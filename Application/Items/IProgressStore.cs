using Rectify.Application.Common.Paging;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public sealed record ProgressReport(
    Guid Id,
    Guid ItemId,
    DateOnly ReportedOn,
    string Summary,
    ProgressStatus ProgressStatus,
    ScheduleStatus? ScheduleStatus,
    decimal? QuantityDone,
    string? Obstacles,
    IReadOnlyList<Evidence> Evidence,
    string ReportedBy,
    DateTimeOffset CreatedAt);

public interface IProgressStore
{
    Task InsertAsync(ProgressReport report, CancellationToken cancellationToken);
    Task<DateOnly?> LatestReportedOnAsync(Guid itemId, CancellationToken cancellationToken);
    Task<Page<ProgressReport>> ListAsync(Guid itemId, int limit, string? cursor, CancellationToken cancellationToken);
}
