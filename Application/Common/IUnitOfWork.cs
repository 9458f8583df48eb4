namespace Rectify.Application.Common;

/// <summary>The request's database transaction; driven only by the transaction behavior.</summary>
public interface IUnitOfWork
{
    bool InTransaction { get; }
    Task BeginAsync(CancellationToken cancellationToken);
    Task CommitAsync(CancellationToken cancellationToken);
    Task RollbackAsync();
}
