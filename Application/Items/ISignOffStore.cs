using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface ISignOffStore
{
    Task<IReadOnlyList<SignOffRequest>> ListRequestsAsync(Guid itemId, CancellationToken cancellationToken);
    Task<IReadOnlyList<SignOffReview>> ListReviewsAsync(Guid itemId, CancellationToken cancellationToken);
}
