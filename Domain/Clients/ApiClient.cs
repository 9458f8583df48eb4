using Rectify.Domain.Common;

namespace Rectify.Domain.Clients;

/// <summary>
/// A system or person holding an API key. Only the key's SHA-256 hash is stored. Its name, scopes and unit are
/// fixed when the key is issued; what can happen afterwards is that it is revoked.
/// </summary>
public sealed class ApiClient : AggregateRoot
{
    private ApiClient(Guid id, string name, IReadOnlyList<string> scopes, Guid? unitId, bool active, bool unitActive,
        DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Scopes = scopes;
        UnitId = unitId;
        Active = active;
        UnitActive = unitActive;
        CreatedAt = createdAt;
    }

    public string Name { get; }
    public IReadOnlyList<string> Scopes { get; }
    public Guid? UnitId { get; }
    public bool Active { get; private set; }

    /// <summary>Whether the unit the key is bound to (if any) is active: keys of inactive units stop working.</summary>
    public bool UnitActive { get; }

    public bool CanAuthenticate => Active && UnitActive;

    /// <summary>A new active client for the key whose hash is <paramref name="keyHash"/>.</summary>
    public static ApiClient Issue(Guid id, string name, IReadOnlyList<string> scopes, Guid? unitId, string keyHash,
        DateTimeOffset now)
    {
        var client = new ApiClient(id, name, scopes, unitId, active: true, unitActive: true, now);
        client.Created(now);
        client.Record(new ClientIssued(name, scopes, unitId, keyHash));
        return client;
    }

    /// <summary>Rebuilds a client from storage, with whether its unit is active; nothing is recorded.</summary>
    public static ApiClient Restore(Guid id, string name, IReadOnlyList<string> scopes, Guid? unitId, bool active,
        bool unitActive, int version, DateTimeOffset createdAt)
    {
        var client = new ApiClient(id, name, scopes, unitId, active, unitActive, createdAt);
        client.Restored(version, createdAt);
        return client;
    }

    /// <summary>
    /// None: the fields fixed at issue are the details of <see cref="ClientIssued"/>, and revoking is the only
    /// change, which <see cref="ClientDeactivated"/> spells out.
    /// </summary>
    protected override IEnumerable<KeyValuePair<string, object?>> AuditedFields() => [];

    /// <summary>Revokes the key; nothing happens when it is already revoked.</summary>
    public void Deactivate()
    {
        if (!Active)
            return;
        Active = false;
        Record(new ClientDeactivated());
    }
}
