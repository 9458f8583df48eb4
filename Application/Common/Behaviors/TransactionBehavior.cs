using Mediator;

namespace Rectify.Application.Common.Behaviors;

/// <summary>
/// Wraps each command in one transaction: the change, its audit events and outbox rows commit together or
/// not at all. Queries pass through. Re-entrant: a command sent from inside a command joins the outer one, and so
/// does the command of a request with an Idempotency-Key, whose record the filter writes in the same transaction.
/// A command that <see cref="IReadsBeforeItWrites"/> opens none: the command it sends for its write does.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || message is IReadsBeforeItWrites || unitOfWork.InTransaction)
            return await next(message, cancellationToken);

        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
    }
}
