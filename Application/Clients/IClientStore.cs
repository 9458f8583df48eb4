using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Clients;

namespace Rectify.Application.Clients;

public interface IClientStore : IAggregateStore<ApiClient>
{
    Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken);
    Task<ApiClient?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken);
    Task<bool> AnyAsync(CancellationToken cancellationToken);
    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);
    Task<Page<ApiClient>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken);
}
