namespace Rectify.Application.Common;

/// <summary>
/// The request's database transaction; driven by the transaction behavior, and by the Idempotency-Key filter, which
/// opens it before the command so the key's record commits with the change.
/// </summary>
public interface IUnitOfWork
{
    bool InTransaction { get; }
    Task BeginAsync(CancellationToken cancellationToken);
    Task CommitAsync(CancellationToken cancellationToken);
    Task RollbackAsync();
}
