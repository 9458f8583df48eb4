using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>延期申请: before the deadline, a later date and the reason; at most one pending per item.</summary>
public sealed record RequestExtensionCommand([property: JsonIgnore] Guid ItemId, DateOnly? RequestedDueDate, string Reason) : ICommand<ExtensionChangeResponse>;

public sealed class RequestExtensionValidator : AbstractValidator<RequestExtensionCommand>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.RequestedDueDate).NotNull();
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(ItemFields.TextMax);
    }
}

public sealed class RequestExtensionHandler(IExtensionStore extensions, ItemAccess access, ItemChange change,
    ICurrentClient client, OfficeCalendar calendar) : ICommandHandler<RequestExtensionCommand, ExtensionChangeResponse>
{
    public async ValueTask<ExtensionChangeResponse> Handle(RequestExtensionCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        var requested = command.RequestedDueDate!.Value;
        item.EnsureCanRequestExtension(requested, calendar.Today, await extensions.FindPendingAsync(item.Id, cancellationToken) is not null);

        var extension = new Extension
        {
            Id = Guid.CreateVersion7(), ItemId = item.Id, RequestedDueDate = requested, PreviousDueDate = item.DueDate,
            Reason = command.Reason.Trim(), RequestedAt = calendar.Now, RequestedBy = client.Name,
        };
        await extensions.InsertAsync(extension, cancellationToken);
        var itemResponse = await change.SaveAsync(item, before, "extension_requested",
            [new FieldChange("extension.id", null, extension.Id),
             new FieldChange("extension.requestedDueDate", null, extension.RequestedDueDate),
             new FieldChange("extension.reason", null, extension.Reason)], cancellationToken);
        return new ExtensionChangeResponse(itemResponse, ExtensionResponse.From(extension));
    }
}
