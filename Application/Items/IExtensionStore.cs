using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IExtensionStore
{
    Task<IReadOnlyList<Extension>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}
