namespace Rectify.Application.Idempotency;

/// <summary>What a request sent with an Idempotency-Key answered, kept so its retries get the same answer.</summary>
public sealed record IdempotentResponse(int Status, string? Location, string? ETag, string? Body);

/// <summary>
/// A stored key: the fingerprint of the request that first used it and, once that request succeeded, its response
/// (null while it is still running).
/// </summary>
public sealed record IdempotencyRecord(string RequestHash, IdempotentResponse? Response);

/// <summary>
/// Idempotency records, one per (client, key). The claim and the completion are written in the transaction of the
/// change itself, so a committed change always has its record and a record always has its change.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>The committed record of the key, if any; honoured until the purge removes it.</summary>
    Task<IdempotencyRecord?> FindAsync(Guid clientId, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the key as in progress in the current transaction. False when the key is already stored: another
    /// request with it committed (or was chosen over this one) first.
    /// </summary>
    Task<bool> TryClaimAsync(Guid clientId, string key, string requestHash, DateTimeOffset createdAt, DateTimeOffset expiresAt,
        CancellationToken cancellationToken);

    /// <summary>Stores the response of the claimed key, in the same transaction as the claim.</summary>
    Task CompleteAsync(Guid clientId, string key, IdempotentResponse response, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batchSize"/> records expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken);
}
