using Rectify.Application.Common.Paging;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IProgressStore
{
    Task<Page<ProgressReport>> ListAsync(Guid itemId, int limit, string? cursor, CancellationToken cancellationToken);
}
