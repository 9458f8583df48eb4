using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>延期申请: before the deadline, a later date and the reason; at most one pending per item.</summary>
public sealed record RequestExtensionCommand([property: JsonIgnore] Guid ItemId, DateOnly? RequestedDueDate, string Reason) : ICommand<ExtensionChangeResponse>;

public sealed class RequestExtensionValidator : AbstractValidator<RequestExtensionCommand>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.RequestedDueDate).NotNull().BusinessDate();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ItemFields.TextMax);
    }
}

public sealed class RequestExtensionHandler(ItemRepository repository, AccessPolicy policy, ICurrentClient client,
    OfficeCalendar calendar)
    : ICommandHandler<RequestExtensionCommand, ExtensionChangeResponse>
{
    public async ValueTask<ExtensionChangeResponse> Handle(RequestExtensionCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureAsync(ItemAction.RequestExtension, item, cancellationToken);
        var extension = item.RequestExtension(Guid.CreateVersion7(), command.RequestedDueDate!.Value, command.Reason.Trim(),
            client.Name, client.ClientId, calendar.Today, calendar.Now);
        return new ExtensionChangeResponse(await repository.SaveAsync(item, cancellationToken), ExtensionResponse.From(extension));
    }
}
