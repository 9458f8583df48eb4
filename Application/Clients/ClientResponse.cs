using Rectify.Application.Common;
using Rectify.Domain.Clients;

namespace Rectify.Application.Clients;

public sealed record ClientResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, Guid? UnitId, bool Active,
    DateTimeOffset CreatedAt, int Version) : IVersioned
{
    public static ClientResponse From(ApiClient client) =>
        new(client.Id, client.Name, client.Scopes, client.UnitId, client.Active, client.CreatedAt, client.Version);
}

/// <summary>
/// The answer to creating a client: the only time its key is ever shown. A replay of the request (same
/// Idempotency-Key) answers with <c>key</c> null: revoke the client and issue another if the first answer was lost.
/// </summary>
public sealed record CreatedClientResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, Guid? UnitId,
    string? Key) : IShownOnce
{
    public object WithoutSecret() => this with { Key = null };
}
