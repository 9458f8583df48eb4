namespace Rectify.Application.Clients;

/// <summary>A system or person holding an API key. Only the key's SHA-256 hash is stored.</summary>
/// <param name="UnitActive">Whether the unit the key is bound to (if any) is active: keys of inactive units stop working.</param>
public sealed record ApiClient(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    Guid? UnitId,
    bool Active,
    bool UnitActive,
    int Version,
    DateTimeOffset CreatedAt)
{
    public bool CanAuthenticate => Active && UnitActive;
}
