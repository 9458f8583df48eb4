using System.Net;
using System.Threading.RateLimiting;
using Rectify.Api.Http;

namespace Rectify.Api.Auth;

/// <summary>
/// Counts failed authentications (answers 401) per remote address in fixed windows. As a limiter it takes no permits:
/// it refuses every request from an address that has used up its failures until the window ends, a valid key included,
/// so that a guesser cannot tell a right key from a wrong one while refused.
/// </summary>
public sealed class FailedAuthentications : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly int _limit;
    private readonly ILogger<FailedAuthentications> _logger;

    public FailedAuthentications(RateLimitOptions options, ILogger<FailedAuthentications> logger)
    {
        var limit = options.FailedAuth;
        var window = new FixedWindowRateLimiterOptions { PermitLimit = limit.PerMinute, Window = limit.Window, QueueLimit = 0 };
        _failures = PartitionedRateLimiter.Create<string, string>(address => limit.PerMinute > 0
            ? RateLimitPartition.GetFixedWindowLimiter(address, _ => window)
            : RateLimitPartition.GetNoLimiter(address));
        _limit = limit.PerMinute;
        _logger = logger;
    }

    /// <summary>A refusal by this limiter, told apart from the per-client bucket's by its type.</summary>
    public sealed class Refusal(RateLimitLease lease) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => lease.MetadataNames;

        public override bool TryGetMetadata(string metadataName, out object? metadata) => lease.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                lease.Dispose();
        }
    }

    public void Record(HttpContext context)
    {
        var address = AddressOf(context);
        using var failure = _failures.AttemptAcquire(address);
        using var check = _failures.AttemptAcquire(address, 0);
        if (failure.IsAcquired && !check.IsAcquired)
            _logger.LogWarning("{Address} failed authentication {Limit} times in a window; its requests are refused until the window ends",
                address, _limit);
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => _failures.GetStatistics(AddressOf(resource));

    /// <summary>Zero permits: granted while the address has failures left in its window, refused once it has none.</summary>
    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var lease = _failures.AttemptAcquire(AddressOf(resource), 0);
        return lease.IsAcquired ? lease : new Refusal(lease);
    }

    // Never waits: a zero-permit wait on a spent window would hold the request until the window ends.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _failures.Dispose();
        base.Dispose(disposing);
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        IPAddress address => address.ToString(),
        null => "",
    };
}
