using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
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
        RuleFor(x => x.Patch.DueDate.Value).BusinessDate().OverridePropertyName("dueDate");
        RuleFor(x => x.Patch.ImplementedOn.Value).BusinessDate().OverridePropertyName("implementedOn");
        RuleFor(x => x.Patch.ImplementedOn.Value).Null().OverridePropertyName("implementedOn")
            .When(x => x.Patch.Implemented is { HasValue: true, Value: false })
            .WithMessage("implementedOn goes with implemented: true.");
    }
}

public sealed class UpdateMeasureHandler(IUnitStore units, AccessPolicy policy, ItemRepository repository,
    OfficeCalendar calendar)
    : ICommandHandler<UpdateMeasureCommand, MeasureChangeResponse>
{
    public async ValueTask<MeasureChangeResponse> Handle(UpdateMeasureCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        var measure = item.Measures.SingleOrDefault(m => m.Id == command.MeasureId)
                      ?? throw new NotFoundException("Measure", command.MeasureId);
        command.ExpectedVersion.Check("Item", item.Id, item.Version);
        var patch = command.Patch;
        var (description, unitId, dueDate) =
            (patch.Description.Or(measure.Description).Trim(), patch.UnitId.Or(measure.UnitId), patch.DueDate.Or(measure.DueDate));
        if ((description, unitId, dueDate) != (measure.Description, measure.UnitId, measure.DueDate))
            await policy.EnsureAsync(ItemAction.ManageMeasures, item, cancellationToken);
        var (implemented, implementedOn) = (patch.Implemented.Or(measure.Implemented), patch.ImplementedOn.Or(measure.ImplementedOn));
        if ((implemented, implementedOn) != (measure.Implemented, measure.ImplementedOn))
            await policy.EnsureMayImplementAsync(item, measure, cancellationToken);
        if (unitId != measure.UnitId)
        {
            await MeasureHelpers.CheckUnitAsync(units, unitId, cancellationToken);
            await policy.EnsureOwnUnitsAsync("unitId", unitId is { } id ? [id] : [], cancellationToken);
        }
        if (patch.ImplementedOn is { HasValue: true, Value: { } on } && on > calendar.Today)
            throw InvalidField.Because("implementedOn", "A measure cannot be implemented after today.");

        item.EditMeasure(measure.Id, description, unitId, dueDate, calendar.Now);
        if (patch.Implemented.HasValue || patch.ImplementedOn.HasValue)
            item.SetMeasureImplemented(measure.Id, implemented, implementedOn, calendar.Today, calendar.Now);
        return new MeasureChangeResponse(await repository.SaveAsync(item, cancellationToken), MeasureResponse.From(measure));
    }
}
