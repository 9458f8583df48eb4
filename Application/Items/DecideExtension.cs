using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
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

public sealed class DecideExtensionHandler(ItemRepository repository, AccessPolicy policy, OfficeCalendar calendar)
    : ICommandHandler<DecideExtensionCommand, ExtensionChangeResponse>
{
    public async ValueTask<ExtensionChangeResponse> Handle(DecideExtensionCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        var extension = item.Extensions.SingleOrDefault(e => e.Id == command.ExtensionId)
                        ?? throw new NotFoundException("Extension", command.ExtensionId);
        await policy.EnsureMayDecideAsync(item, extension.RequestedByClientId, cancellationToken);
        item.DecideExtension(extension, command.Decision, command.ReviewerName.Trim(), command.Comment, calendar.Now);
        return new ExtensionChangeResponse(await repository.SaveAsync(item, cancellationToken), ExtensionResponse.From(extension));
    }
}
