using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Items;

public sealed record RecurrenceRecordedResponse(ItemResponse Item, Recurrence Recurrence) : IVersioned
{
    public int Version => Item.Version;
}

public sealed record RecordRecurrenceCommand([property: JsonIgnore] Guid ItemId, DateOnly? DetectedOn, string DetectedBy, string Description,
    DateOnly? NewDueDate) : ICommand<RecurrenceRecordedResponse>;

public sealed class RecordRecurrenceValidator : AbstractValidator<RecordRecurrenceCommand>
{
    public RecordRecurrenceValidator()
    {
        RuleFor(x => x.DetectedOn).NotNull();
        RuleFor(x => x.DetectedBy).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.NewDueDate).NotNull();
        RuleFor(x => x.NewDueDate).GreaterThanOrEqualTo(x => x.DetectedOn).When(x => x.DetectedOn is not null)
            .WithMessage("newDueDate is on or after detectedOn.");
    }
}

/// <summary>Reopens the item: progress back to in_progress, sign-off to none, a new due date, one more recurrence.</summary>
public sealed class RecordRecurrenceHandler(IRecurrenceStore recurrences, ISignOffStore signOffs, ItemAccess access, ItemChange change,
    ICurrentClient client, OfficeCalendar calendar) : ICommandHandler<RecordRecurrenceCommand, RecurrenceRecordedResponse>
{
    public async ValueTask<RecurrenceRecordedResponse> Handle(RecordRecurrenceCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        if (command.DetectedOn > calendar.Today)
            throw InvalidField.Because("detectedOn", "A recurrence cannot be detected after today.");
        var previousSignOff = item.SignOffStatus;
        item.Reopen(command.NewDueDate!.Value);
        if (await signOffs.FindPendingRequestAsync(item.Id, cancellationToken) is { } pending)
            await signOffs.CloseRequestAsync(pending.Id, SignOffRequestStatus.Returned, calendar.Now, cancellationToken);

        var recurrence = new Recurrence(Guid.CreateVersion7(), item.Id, command.DetectedOn!.Value, command.DetectedBy.Trim(),
            command.Description.Trim(), command.NewDueDate.Value, previousSignOff, client.Name, calendar.Now);
        await recurrences.InsertAsync(recurrence, cancellationToken);
        var itemResponse = await change.SaveAsync(item, before, "recurrence_recorded",
            [new FieldChange("recurrence.id", null, recurrence.Id),
             new FieldChange("recurrence.detectedOn", null, recurrence.DetectedOn),
             new FieldChange("recurrence.detectedBy", null, recurrence.DetectedBy),
             new FieldChange("recurrence.description", null, recurrence.Description)], cancellationToken);
        return new RecurrenceRecordedResponse(itemResponse, recurrence);
    }
}
