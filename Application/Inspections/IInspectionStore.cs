using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

public interface IInspectionStore : IAggregateStore<Inspection>
{
    Task<Inspection?> FindAsync(Guid id, CancellationToken cancellationToken);
    Task<Page<Inspection>> ListAsync(InspectionFilter filter, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>How many of the inspection's items have a sign-off request under review.</summary>
    Task<int> CountItemsUnderReviewAsync(Guid inspectionId, CancellationToken cancellationToken);
}

public sealed record InspectionFilter(InspectionKind? Kind, int? Year, string? Q);
