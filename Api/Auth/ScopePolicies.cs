using Microsoft.AspNetCore.Authorization;
using Rectify.Application.Clients;

namespace Rectify.Api.Auth;

/// <summary>One authorization policy per scope, named after it; an admin key passes every policy.</summary>
public static class ScopePolicies
{
    public static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder builder)
    {
        foreach (var scope in Scopes.All)
            builder.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope) ||
                    context.User.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, Scopes.Admin)));
        return builder;
    }
}
