using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public interface IExtensionStore
{
    Task InsertAsync(Extension extension, CancellationToken cancellationToken);
    Task<Extension?> FindAsync(Guid itemId, Guid extensionId, CancellationToken cancellationToken);
    Task<bool> HasPendingAsync(Guid itemId, CancellationToken cancellationToken);
    Task UpdateAsync(Extension extension, CancellationToken cancellationToken);
    Task<IReadOnlyList<Extension>> ListAsync(Guid itemId, CancellationToken cancellationToken);
}

public sealed record ExtensionResponse(Guid Id, Guid ItemId, DateOnly RequestedDueDate, DateOnly? PreviousDueDate,
    string Reason, ExtensionStatus Status, DateTimeOffset RequestedAt, string? RequestedBy, DateTimeOffset? DecidedAt,
    string? ReviewerName, string? Comment)
{
    public static ExtensionResponse From(Extension e) => new(e.Id, e.ItemId, e.RequestedDueDate, e.PreviousDueDate,
        e.Reason, e.Status, e.RequestedAt, e.RequestedBy, e.DecidedAt, e.ReviewerName, e.Comment);
}

/// <summary>The item after an extension request or decision, and the extension.</summary>
public sealed record ExtensionChangeResponse(ItemResponse Item, ExtensionResponse Extension) : IVersioned
{
    public int Version => Item.Version;
}

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
        item.EnsureCanRequestExtension(requested, calendar.Today, await extensions.HasPendingAsync(item.Id, cancellationToken));

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

/// <summary>The office's decision on a pending extension: approval moves the due date, the original one is kept.</summary>
public sealed record DecideExtensionCommand(Guid ItemId, Guid ExtensionId, ExtensionStatus Decision, string ReviewerName,
    string? Comment) : ICommand<ExtensionChangeResponse>;

public sealed class DecideExtensionValidator : AbstractValidator<DecideExtensionCommand>
{
    public DecideExtensionValidator()
    {
        RuleFor(x => x.Decision).NotEqual(ExtensionStatus.Pending);
        RuleFor(x => x.ReviewerName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Comment).MaximumLength(ItemFields.TextMax);
    }
}

public sealed class DecideExtensionHandler(IExtensionStore extensions, ItemAccess access, ItemChange change,
    OfficeCalendar calendar) : ICommandHandler<DecideExtensionCommand, ExtensionChangeResponse>
{
    public async ValueTask<ExtensionChangeResponse> Handle(DecideExtensionCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var extension = await extensions.FindAsync(item.Id, command.ExtensionId, cancellationToken)
                        ?? throw new NotFoundException("Extension", command.ExtensionId);
        var before = ItemResponse.From(item, calendar);

        extension.Decide(command.Decision, command.ReviewerName.Trim(), command.Comment, calendar.Now);
        if (command.Decision == ExtensionStatus.Approved)
            item.ApplyExtension(extension);
        await extensions.UpdateAsync(extension, cancellationToken);
        var itemResponse = await change.SaveAsync(item, before,
            command.Decision == ExtensionStatus.Approved ? "extension_approved" : "extension_rejected",
            [new FieldChange("extension.id", null, extension.Id),
             new FieldChange("extension.reviewerName", null, extension.ReviewerName),
             new FieldChange("extension.comment", null, extension.Comment)], cancellationToken);
        return new ExtensionChangeResponse(itemResponse, ExtensionResponse.From(extension));
    }
}

public sealed record ListExtensionsQuery(Guid ItemId) : IQuery<IReadOnlyList<ExtensionResponse>>;

public sealed class ListExtensionsHandler(IExtensionStore extensions, ItemAccess access)
    : IQueryHandler<ListExtensionsQuery, IReadOnlyList<ExtensionResponse>>
{
    public async ValueTask<IReadOnlyList<ExtensionResponse>> Handle(ListExtensionsQuery query, CancellationToken cancellationToken)
    {
        await access.GetAsync(query.ItemId, cancellationToken);
        return (await extensions.ListAsync(query.ItemId, cancellationToken)).Select(ExtensionResponse.From).ToList();
    }
}
