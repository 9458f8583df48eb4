using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Rectify.Application.Common;
using Rectify.Application.Idempotency;

namespace Rectify.Api.Http;

/// <summary>
/// <c>Idempotency-Key</c> (draft-ietf-httpapi-idempotency-key-header) on the POSTs of a route group. A keyed request
/// runs in one transaction that claims the key first and stores the response last, so the change and its record
/// commit together or not at all; the command's own transaction joins it. A retry with the same key and the same
/// request (method, path, body) gets the stored response back, marked <c>Idempotent-Replayed: true</c>, without
/// running again. A failed request (an exception, or any 4xx/5xx answer) rolls the claim back with everything else,
/// so a corrected retry with the same key runs. Requests without the header are untouched.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>The draft's section on these errors; its own examples give 409 and 422 one problem type.</summary>
    public const string ProblemType = "https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-idempotency-key-header#section-2.7";

    /// <summary>Marks an endpoint whose POST takes Idempotency-Key (read by the body buffering and by Swagger).</summary>
    public sealed class Metadata
    {
        public static readonly Metadata Instance = new();

        private Metadata() { }
    }

    /// <summary>Opts the group's POSTs in (its other methods pass straight through). Needs <see cref="UseIdempotencyKeys"/>.</summary>
    public static RouteGroupBuilder WithIdempotencyKeys(this RouteGroupBuilder group)
    {
        group.WithMetadata(Metadata.Instance);
        // First in the chain whichever line adds it, so it wraps every other filter: by the time it records the answer,
        // the ETag filter has set its header.
        ((IEndpointConventionBuilder)group).Add(endpoint =>
            endpoint.FilterFactories.Insert(0, (_, next) => context => InvokeAsync(context, next)));
        return group;
    }

    /// <summary>
    /// Keeps the body of a keyed POST readable after model binding, so the request's fingerprint covers the bytes as
    /// sent. Goes after routing (the endpoint is known by then) and before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderName) &&
                context.GetEndpoint()?.Metadata.GetMetadata<Metadata>() is not null)
                context.Request.EnableBuffering();
            return next(context);
        });

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(HeaderName, out var header))
            return await next(context);
        var key = Parse(header);
        var services = http.RequestServices;
        // Keys belong to the API key that sent them; an endpoint open to anonymous callers has nobody to keep them for.
        if (services.GetRequiredService<ICurrentClient>().ClientId is not { } clientId)
            return await next(context);
        var fingerprint = await FingerprintAsync(http.Request);
        var cancellationToken = http.RequestAborted;

        using var running = services.GetRequiredService<RunningKeys>().Enter(clientId, key, fingerprint);
        var store = services.GetRequiredService<IIdempotencyStore>();
        if (await store.FindAsync(clientId, key, cancellationToken) is { } stored)
            return Replay(stored, fingerprint);

        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var retention = services.GetRequiredService<IdempotencyOptions>().Retention;
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            if (!await store.TryClaimAsync(clientId, key, fingerprint, now, now + retention, cancellationToken))
            {
                // Another instance held the key; this one waited for it to commit (or to be chosen over this one).
                await unitOfWork.RollbackAsync();
                return await store.FindAsync(clientId, key, cancellationToken) is { } other
                    ? Replay(other, fingerprint)
                    : throw new IdempotencyKeyInUseException();
            }

            var result = await next(context);
            var response = Capture(result, http);
            if (response.Status >= StatusCodes.Status400BadRequest)
            {
                await unitOfWork.RollbackAsync();
                return result;
            }
            await store.CompleteAsync(clientId, key, response, cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
    }

    /// <summary>The draft's form is a structured-field string (<c>"…"</c>); a bare key is taken as it is.</summary>
    private static string Parse(StringValues header)
    {
        var key = header.Count == 1 ? header[0] : null;
        if (key is { Length: >= 2 } && key[0] == '"' && key[^1] == '"')
            key = key[1..^1];
        if (key is null || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            throw new InvalidHeaderException(HeaderName,
                $"Send {HeaderName} once, with 1 to {MaxKeyLength} visible ASCII characters (a UUID makes a good key).");
        return key;
    }

    /// <summary>
    /// SHA-256 over method, path with query, and the body bytes as sent; for a multipart form, over its fields and files
    /// instead, since a client picks a new boundary each time it encodes the same form.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
            throw new InvalidOperationException($"{HeaderName} needs app.{nameof(UseIdempotencyKeys)}() before the endpoints.");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.PathBase}{request.Path}{request.QueryString}\n"));
        if (request.HasFormContentType)
        {
            await AppendFormAsync(hash, await request.ReadFormAsync(request.HttpContext.RequestAborted));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task AppendFormAsync(IncrementalHash hash, IFormCollection form)
    {
        foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{name.Length}:{name}={values.Count}:{string.Join("\0", values.ToArray())}\n"));
        foreach (var file in form.Files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{file.Name.Length}:{file.Name};{file.FileName.Length}:{file.FileName};{file.Length}\n"));
            await using var content = file.OpenReadStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await content.ReadAsync(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
    }

    private static Replayed Replay(IdempotencyRecord stored, string fingerprint) =>
        stored.RequestHash != fingerprint ? throw new IdempotencyKeyReusedException()
        : stored.Response is null ? throw new IdempotencyKeyInUseException()
        : new Replayed(stored.Response);

    /// <summary>
    /// What the endpoint answers, as it will be written: the status, the Location of a created resource, the ETag the
    /// ETag filter set, and the value in the API's JSON. Only typed results (and plain values, written as 200 JSON) can
    /// be replayed faithfully.
    /// </summary>
    private static IdempotentResponse Capture(object? result, HttpContext http)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is string or (IResult and not IStatusCodeHttpResult))
            throw new InvalidOperationException($"{http.GetEndpoint()?.DisplayName} answers with {inner.GetType().Name}, " +
                                                $"which {HeaderName} cannot store for replay; answer with TypedResults.");
        var status = (inner as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = inner is IResult ? (inner as IValueHttpResult)?.Value : inner;
        // Created and Accepted carry Location, but no interface names it.
        var location = inner?.GetType().GetProperty("Location")?.GetValue(inner) as string;
        var etag = http.Response.Headers.ETag.ToString();
        var kept = value is IShownOnce once ? once.WithoutSecret() : value;
        var body = kept is null ? null : JsonSerializer.Serialize(kept, kept.GetType(), ApiJson.Options);
        return new IdempotentResponse(status, location, etag.Length == 0 ? null : etag, body);
    }

    /// <summary>The stored response, as the first request got it, marked as a replay.</summary>
    private sealed class Replayed(IdempotentResponse response) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => response.Status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var http = httpContext.Response;
            http.StatusCode = response.Status;
            if (response.Location is not null)
                http.Headers.Location = response.Location;
            if (response.ETag is not null)
                http.Headers.ETag = response.ETag;
            http.Headers[ReplayedHeaderName] = "true";
            if (response.Body is null)
                return;
            http.ContentType = "application/json; charset=utf-8";
            await http.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}

/// <summary>
/// The keys this instance is running now. A duplicate arriving meanwhile is answered at once — 409, or 422 when it
/// is another request — instead of queueing on the database lock the first one holds. Across instances the
/// database decides: the second waits for the first to commit, then replays its response.
/// </summary>
public sealed class RunningKeys
{
    private readonly ConcurrentDictionary<(Guid ClientId, string Key), string> _running = new();

    public IDisposable Enter(Guid clientId, string key, string fingerprint)
    {
        var entry = KeyValuePair.Create((clientId, key), fingerprint);
        if (!_running.TryAdd(entry.Key, entry.Value))
            throw _running.TryGetValue(entry.Key, out var other) && other != fingerprint
                ? new IdempotencyKeyReusedException()
                : new IdempotencyKeyInUseException();
        return new Release(_running, entry);
    }

    private sealed class Release(ConcurrentDictionary<(Guid, string), string> running, KeyValuePair<(Guid, string), string> entry)
        : IDisposable
    {
        public void Dispose() => running.TryRemove(entry);
    }
}

/// <summary>The key was first used for another request (method, path or body differ); answered as 422.</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception($"This {IdempotencyKeys.HeaderName} was already used for a different request (another method, path or " +
                "body); nothing was done. Send a new key with a new request.");

/// <summary>A request with the same key is still running; answered as 409, to be retried later.</summary>
public sealed class IdempotencyKeyInUseException()
    : Exception($"A request with this {IdempotencyKeys.HeaderName} is still being processed; nothing was done. Retry " +
                "in a moment to get its response.");

/// <summary>A request header that cannot be used as sent; answered as 400 with the header's name as the error key.</summary>
public sealed class InvalidHeaderException(string header, string message) : Exception(message)
{
    public string Header { get; } = header;
}
