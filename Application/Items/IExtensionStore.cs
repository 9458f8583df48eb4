using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IExtensionStore
{
    Task InsertAsync(Extension extension, CancellationToken cancellationToken);
    Task<Extension?> FindAsync(Guid itemId, Guid extensionId, CancellationToken cancellationToken);
    Task<Extension?> FindPendingAsync(Guid itemId, CancellationToken cancellationToken);
    Task UpdateAsync(Extension extension, CancellationToken cancellationToken);
    Task<IReadOnlyList<Extension>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}
