using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

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
