using Rectify.Domain.Common;

namespace Rectify.Domain.Clients;

/// <summary>What can happen to an API client; each names its audit action and carries the values that matter.</summary>
public abstract record ClientEvent : DomainEvent;

/// <summary>A key was issued; the store keeps its hash, the audit trail what the client may do and for which unit.</summary>
public sealed record ClientIssued(string Name, IReadOnlyList<string> Scopes, Guid? UnitId, string KeyHash) : ClientEvent
{
    public override string Action => "created";

    public override IEnumerable<FieldChange> Details =>
    [
        new("name", null, Name),
        new("scopes", null, Scopes),
        new("unitId", null, UnitId),
    ];
}

/// <summary>The key was revoked: it no longer authenticates.</summary>
public sealed record ClientDeactivated : ClientEvent
{
    public override string Action => "deactivated";
    public override IEnumerable<FieldChange> Details => [new("active", true, false)];
}
