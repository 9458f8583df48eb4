using Rectify.Application.Common.Errors;
using Rectify.Application.Idempotency;

namespace Rectify.Infrastructure.Persistence.Idempotency;

internal sealed class IdempotencyStore(DbSession db) : IIdempotencyStore
{
    private const string Completed = "completed";

    public async Task<IdempotencyRecord?> FindAsync(Guid clientId, string key, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<RecordRow>(IdempotencySql.Find, new { ClientId = clientId, Key = key },
            cancellationToken))?.ToRecord();

    public async Task<bool> TryClaimAsync(Guid clientId, string key, string requestHash, DateTimeOffset createdAt,
        DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await db.ExecuteAsync(IdempotencySql.Claim,
                new { ClientId = clientId, Key = key, RequestHash = requestHash, CreatedAt = createdAt, ExpiresAt = expiresAt },
                cancellationToken);
            return true;
        }
        catch (ConflictException)
        {
            // The session turns the duplicate key (or, on SQL Server, a deadlock while waiting for it) into a conflict.
            return false;
        }
    }

    public async Task CompleteAsync(Guid clientId, string key, IdempotentResponse response, CancellationToken cancellationToken)
    {
        var updated = await db.ExecuteAsync(IdempotencySql.Complete,
            new { ClientId = clientId, Key = key, response.Status, response.Location, response.ETag, response.Body },
            cancellationToken);
        if (updated != 1)
            throw new InvalidOperationException("The Idempotency-Key was not claimed in this transaction.");
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.ExecuteAsync(db.Pick(IdempotencySql.PurgeExpired), new { Now = now, BatchSize = batchSize }, cancellationToken);

    private sealed class RecordRow
    {
        public string RequestHash { get; init; } = "";
        public string Status { get; init; } = "";
        public int? ResponseStatus { get; init; }
        public string? ResponseLocation { get; init; }
        public string? ResponseETag { get; init; }
        public string? ResponseBody { get; init; }

        public IdempotencyRecord ToRecord() => new(RequestHash,
            Status == Completed ? new IdempotentResponse(ResponseStatus ?? 200, ResponseLocation, ResponseETag, ResponseBody) : null);
    }
}
