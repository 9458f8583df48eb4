using Rectify.Application.Common.Paging;

namespace Rectify.Application.Clients;

public interface IClientStore
{
    Task<ApiClient?> FindAsync(Guid id, CancellationToken cancellationToken);
    Task<ApiClient?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken);
    Task<bool> AnyAsync(CancellationToken cancellationToken);
    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);
    Task<Page<ApiClient>> ListAsync(int limit, string? cursor, CancellationToken cancellationToken);
    Task InsertAsync(ApiClient client, string keyHash, CancellationToken cancellationToken);

    /// <summary>Writes the active flag over the version read; 412 when someone else changed the client first.</summary>
    Task UpdateActiveAsync(ApiClient client, CancellationToken cancellationToken);
}
