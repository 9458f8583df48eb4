using FluentValidation;
using Mediator;

namespace Rectify.Application.Common.Behaviors;

/// <summary>Runs every validator of the message before its handler; any failure is a 400 keyed by field.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
                throw new ValidationException(result.Errors);
        }
        return await next(message, cancellationToken);
    }
}
