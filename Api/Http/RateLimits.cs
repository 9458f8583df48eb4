using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Rectify.Api.Auth;

namespace Rectify.Api.Http;

/// <summary>
/// ASP.NET Core's rate limiter, placed after authentication so that it knows the client: first the block on addresses
/// that failed authentication too often, then a token bucket per API key. A request without a valid key has no bucket
/// (its 401 is what the block counts); health endpoints opt out of both. A refusal is a 429 problem with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string ProblemType = "https://www.rfc-editor.org/rfc/rfc6585#section-4";

    private const string PerClientKey = "RateLimits:PerClient";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton(sp => (sp.GetRequiredService<IConfiguration>().GetSection(RateLimitOptions.Section)
                                         .Get<RateLimitOptions>() ?? new RateLimitOptions()).Validated());
        services.AddSingleton<FailedAuthentications>();
        // Singletons so that the container disposes them, and with them the timer that refills every partition.
        services.AddKeyedSingleton(PerClientKey, (sp, _) => PerClient(sp.GetRequiredService<RateLimitOptions>().PerClient));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteProblemAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((options, sp) =>
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                sp.GetRequiredService<FailedAuthentications>(),
                sp.GetRequiredKeyedService<PartitionedRateLimiter<HttpContext>>(PerClientKey)));
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(RateLimitOptions.PerClientLimit limit)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        };
        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
            limit.PermitsPerSecond > 0 && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } clientId
                ? RateLimitPartition.GetTokenBucketLimiter(clientId, _ => bucket)
                : RateLimitPartition.GetNoLimiter(""));
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var detail = rejected.Lease is FailedAuthentications.Refusal
            ? "Too many failed authentications from this address: its requests are refused, whatever key they carry, until Retry-After has passed."
            : "This API key has sent more requests than its rate allows: retry after the seconds in Retry-After.";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Type = ProblemType, Title = "Too many requests", Detail = detail },
        });
    }
}
