using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;

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

public sealed class RequestSignOffHandler(ISignOffStore signOffs, ItemAccess access, ItemChange change, ICurrentClient client,
    OfficeCalendar calendar) : ICommandHandler<RequestSignOffCommand, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(RequestSignOffCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        item.RequestSignOff();
        var request = new SignOffRequest(Guid.CreateVersion7(), item.Id, item.SignOffRound, command.Summary.Trim(),
            command.Evidence ?? [], SignOffRequestStatus.Pending, client.Name, calendar.Now, null);
        await signOffs.InsertRequestAsync(request, cancellationToken);
        await change.SaveAsync(item, before, "sign_off_requested",
            [new FieldChange("request.id", null, request.Id), new FieldChange("request.summary", null, request.Summary),
             new FieldChange("request.evidence", null, request.Evidence.Count)], cancellationToken);
        return await SignOffView.BuildAsync(signOffs, item, cancellationToken);
    }
}
