namespace Rectify.Application.Common;

/// <summary>The API client making the request: the actor written into the audit trail.</summary>
public interface ICurrentClient
{
    Guid? ClientId { get; }
    string Name { get; }

    /// <summary>The unit a unit-bound key is limited to (with the units below it); null for an unbound key.</summary>
    Guid? UnitId { get; }

    /// <summary>Whether the key holds the scope (an admin key holds every scope).</summary>
    bool HasScope(string scope);
}
