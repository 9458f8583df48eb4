using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>申请销号: a completed item's unit submits a summary and evidence; the chain starts at its first step.</summary>
public sealed record RequestSignOffCommand([property: JsonIgnore] Guid ItemId, string Summary, IReadOnlyList<Evidence>? Evidence) : ICommand<SignOffResponse>;

public sealed class RequestSignOffValidator : AbstractValidator<RequestSignOffCommand>
{
    public RequestSignOffValidator()
    {
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Evidence).EvidenceCount();
        RuleForEach(x => x.Evidence).SetValidator(new EvidenceValidator());
    }
}

public sealed class RequestSignOffHandler(ISignOffStore signOffs, ItemRepository repository, AccessPolicy policy, ICurrentClient client,
    OfficeCalendar calendar) : ICommandHandler<RequestSignOffCommand, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(RequestSignOffCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureAsync(ItemAction.RequestSignOff, item, cancellationToken);
        item.RequestSignOff(Guid.CreateVersion7(), command.Summary.Trim(), command.Evidence ?? [], client.Name, client.ClientId,
            calendar.Now);
        await repository.SaveAsync(item, cancellationToken);
        return await SignOffView.BuildAsync(signOffs, item, cancellationToken);
    }
}
