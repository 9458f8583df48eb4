using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;

namespace Rectify.Application.Items;

/// <summary>Edits a measure or marks it implemented; takes the item's ETag, since the item is the aggregate.</summary>
public sealed record MeasurePatch(
    Optional<string> Description,
    Optional<Guid?> UnitId,
    Optional<DateOnly?> DueDate,
    Optional<bool> Implemented,
    Optional<DateOnly?> ImplementedOn);

public sealed record UpdateMeasureCommand(Guid ItemId, Guid MeasureId, ExpectedVersion ExpectedVersion, MeasurePatch Patch)
    : ICommand<MeasureChangeResponse>;

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasureCommand>
{
    public UpdateMeasureValidator()
    {
        RuleFor(x => x.Patch.Description.Value).NotEmpty().MaximumLength(ItemFields.TextMax).OverridePropertyName("description")
            .When(x => x.Patch.Description.HasValue);
        RuleFor(x => x.Patch.ImplementedOn.Value).Null().OverridePropertyName("implementedOn")
            .When(x => x.Patch.Implemented is { HasValue: true, Value: false })
            .WithMessage("implementedOn goes with implemented: true.");
    }
}

public sealed class UpdateMeasureHandler(IItemStore items, IUnitStore units, ItemAccess access, ItemChange change,
    OfficeCalendar calendar) : ICommandHandler<UpdateMeasureCommand, MeasureChangeResponse>
{
    public async ValueTask<MeasureChangeResponse> Handle(UpdateMeasureCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var measure = item.Measures.SingleOrDefault(m => m.Id == command.MeasureId)
                      ?? throw new NotFoundException("Measure", command.MeasureId);
        command.ExpectedVersion.Check("Item", item.Id, item.Version);
        var patch = command.Patch;
        if (patch.UnitId.HasValue)
            await MeasureHelpers.CheckUnitAsync(units, patch.UnitId.Value, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        var measureBefore = MeasureResponse.From(measure);

        measure.Description = patch.Description.Or(measure.Description).Trim();
        measure.UnitId = patch.UnitId.Or(measure.UnitId);
        measure.DueDate = patch.DueDate.Or(measure.DueDate);
        if (patch.ImplementedOn is { HasValue: true, Value: { } on } && on > calendar.Today)
            throw InvalidField.Because("implementedOn", "A measure cannot be implemented after today.");
        if (patch.Implemented.HasValue || patch.ImplementedOn.HasValue)
            item.SetMeasureImplemented(measure, patch.Implemented.Or(measure.Implemented),
                patch.ImplementedOn.Or(measure.ImplementedOn), calendar.Today, calendar.Now);

        var measureAfter = MeasureResponse.From(measure);
        var details = MeasureHelpers.Describe(measureBefore, measureAfter);
        if (details.Count == 0)
            return new MeasureChangeResponse(before, measureBefore);
        item.EnsureEditable();
        measure.Touch(calendar.Now);
        await items.UpdateMeasureAsync(measure, cancellationToken);
        var itemResponse = await change.SaveAsync(item, before, "measure_updated",
            [new FieldChange("measure.id", null, measure.Id), .. details], cancellationToken);
        return new MeasureChangeResponse(itemResponse, MeasureResponse.From(measure));
    }
}
