using System.Security.Claims;
using Rectify.Application.Clients;
using Rectify.Application.Common;

namespace Rectify.Api.Auth;

/// <summary>The caller as authenticated for this request; "system" for work done outside a request (start-up).</summary>
public sealed class HttpCurrentClient(IHttpContextAccessor accessor) : ICurrentClient
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? ClientId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => User?.FindFirstValue(ClaimTypes.Name) ?? "system";

    public Guid? UnitId => Guid.TryParse(User?.FindFirstValue(ApiKeyAuthenticationHandler.UnitClaim), out var id) ? id : null;

    /// <summary>Work outside a request (start-up, seeding) is the system's own and holds every scope.</summary>
    public bool HasScope(string scope) =>
        User is not { } user ||
        user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope) || user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.Admin);
}
