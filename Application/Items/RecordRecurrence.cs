using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Domain.Items;

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
        RuleFor(x => x.DetectedOn).NotNull().BusinessDate();
        RuleFor(x => x.DetectedBy).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.NewDueDate).NotNull().BusinessDate();
        RuleFor(x => x.NewDueDate).GreaterThanOrEqualTo(x => x.DetectedOn).When(x => x.DetectedOn is not null)
            .WithMessage("newDueDate is on or after detectedOn.");
    }
}

/// <summary>Reopens the item: progress back to in_progress, sign-off to none, a new due date, one more recurrence.</summary>
public sealed class RecordRecurrenceHandler(ItemRepository repository, AccessPolicy policy, ICurrentClient client,
    OfficeCalendar calendar)
    : ICommandHandler<RecordRecurrenceCommand, RecurrenceRecordedResponse>
{
    public async ValueTask<RecurrenceRecordedResponse> Handle(RecordRecurrenceCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureAsync(ItemAction.Review, item, cancellationToken);
        if (command.DetectedOn > calendar.Today)
            throw InvalidField.Because("detectedOn", "A recurrence cannot be detected after today.");
        var recurrence = item.RecordRecurrence(Guid.CreateVersion7(), command.DetectedOn!.Value, command.DetectedBy.Trim(),
            command.Description.Trim(), command.NewDueDate!.Value, client.Name, calendar.Now);
        return new RecurrenceRecordedResponse(await repository.SaveAsync(item, cancellationToken), recurrence);
    }
}
