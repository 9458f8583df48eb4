namespace Rectify.Application.Clients;

/// <summary>A system or person holding an API key. Only the key's SHA-256 hash is stored.</summary>
public sealed record ApiClient(
    Guid Id,
    string Name,
    IReadOnlyList<string> Scopes,
    Guid? UnitId,
    bool Active,
    DateTimeOffset CreatedAt);
