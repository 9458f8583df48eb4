using System.Collections.Concurrent;
using Rectify.Application.Clients;
using Rectify.Domain.Clients;

namespace Rectify.Api.Auth;

/// <summary>
/// Clients that authenticated in the last <c>Auth:KeyCacheSeconds</c> (0 turns the cache off), by key hash, so that
/// most requests skip the lookup. Only keys that authenticated are kept, so the cache holds at most one entry per
/// valid key. Revoking a client or changing a unit forgets every entry at once in this process; another instance
/// serving the same database may accept a revoked key until its own entry expires.
/// </summary>
public sealed class AuthenticatedClients(IConfiguration configuration, TimeProvider time)
{
    public const string SecondsKey = "Auth:KeyCacheSeconds";

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue(SecondsKey, 5));
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<ApiClient?> FindAsync(string keyHash, IClientStore clients, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(keyHash, out var entry) && entry.ExpiresAt > now)
            return entry.Client;

        // A lookup that read the client before a Forget must not put the old state back.
        var generation = Interlocked.Read(ref _generation);
        var client = await clients.FindByKeyHashAsync(keyHash, cancellationToken);
        if (client is { CanAuthenticate: true } && _lifetime > TimeSpan.Zero)
        {
            _entries[keyHash] = new Entry(client, now + _lifetime);
            if (Interlocked.Read(ref _generation) != generation)
                _entries.TryRemove(keyHash, out _);
        }
        return client;
    }

    /// <summary>Called after a change to a client or a unit has committed: the next request of every key looks it up.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(ApiClient Client, DateTimeOffset ExpiresAt);
}

public static class AuthenticatedClientsEndpointExtensions
{
    /// <summary>
    /// The endpoint changes who may authenticate (revokes a client, deactivates a unit): once it has answered, and so
    /// committed, the cached clients are forgotten. Its request carries no Idempotency-Key transaction that would
    /// commit later (those wrap POSTs only).
    /// </summary>
    public static RouteHandlerBuilder ForgetsAuthenticatedClients(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            finally
            {
                context.HttpContext.RequestServices.GetRequiredService<AuthenticatedClients>().Forget();
            }
        });
}
