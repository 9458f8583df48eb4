using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Rectify.Application.Common.Behaviors;

public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            logger.LogDebug("{Message} handled in {Elapsed:0.0} ms", typeof(TMessage).Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
