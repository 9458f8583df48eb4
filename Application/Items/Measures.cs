using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public sealed record MeasureResponse(Guid Id, Guid ItemId, string Description, Guid? UnitId, DateOnly? DueDate,
    bool Implemented, DateOnly? ImplementedOn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static MeasureResponse From(Measure m) =>
        new(m.Id, m.ItemId, m.Description, m.UnitId, m.DueDate, m.Implemented, m.ImplementedOn, m.CreatedAt, m.UpdatedAt);
}

/// <summary>The item after a change to one of its measures, and that measure.</summary>
public sealed record MeasureChangeResponse(ItemResponse Item, MeasureResponse Measure) : IVersioned
{
    public int Version => Item.Version;
}

internal static class MeasureHelpers
{
    public static async Task CheckUnitAsync(IUnitStore units, Guid? unitId, CancellationToken cancellationToken)
    {
        if (unitId is { } id && await units.FindAsync(id, cancellationToken) is not { Active: true })
            throw InvalidField.Because("unitId", $"Unit '{id}' does not exist or is inactive.");
    }

    public static IReadOnlyList<FieldChange> Describe(MeasureResponse? before, MeasureResponse after) => new Changes()
        .Field("measure.id", before?.Id, after.Id)
        .Field("measure.description", before?.Description, after.Description)
        .Field("measure.unitId", before?.UnitId, after.UnitId)
        .Field("measure.dueDate", before?.DueDate, after.DueDate)
        .Field("measure.implemented", before?.Implemented, after.Implemented)
        .Field("measure.implementedOn", before?.ImplementedOn, after.ImplementedOn)
        .ToList();
}

/// <summary>Adds a measure (整改措施) to an item.</summary>
public sealed record AddMeasureCommand([property: JsonIgnore] Guid ItemId, string Description, Guid? UnitId, DateOnly? DueDate)
    : ICommand<MeasureChangeResponse>;

public sealed class AddMeasureValidator : AbstractValidator<AddMeasureCommand>
{
    public AddMeasureValidator() => RuleFor(x => x.Description).NotEmpty().MaximumLength(ItemFields.TextMax);
}

public sealed class AddMeasureHandler(IItemStore items, IUnitStore units, ItemAccess access, ItemChange change,
    OfficeCalendar calendar) : ICommandHandler<AddMeasureCommand, MeasureChangeResponse>
{
    public async ValueTask<MeasureChangeResponse> Handle(AddMeasureCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        await MeasureHelpers.CheckUnitAsync(units, command.UnitId, cancellationToken);
        var before = ItemResponse.From(item, calendar);

        var measure = item.AddMeasure(Guid.CreateVersion7(), command.Description.Trim(), command.UnitId, command.DueDate, calendar.Now);
        await items.InsertMeasureAsync(measure, cancellationToken);
        var response = MeasureResponse.From(measure);
        var itemResponse = await change.SaveAsync(item, before, "measure_added", MeasureHelpers.Describe(null, response), cancellationToken);
        return new MeasureChangeResponse(itemResponse, response);
    }
}

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
        if (patch.Implemented.HasValue || patch.ImplementedOn.HasValue)
            item.SetMeasureImplemented(measure, patch.Implemented.Or(measure.Implemented),
                patch.ImplementedOn.Or(measure.ImplementedOn), calendar.Today, calendar.Now);

        var measureAfter = MeasureResponse.From(measure);
        var details = MeasureHelpers.Describe(measureBefore, measureAfter);
        if (details.Count == 0)
            return new MeasureChangeResponse(before, measureBefore);
        measure.Touch(calendar.Now);
        await items.UpdateMeasureAsync(measure, cancellationToken);
        var itemResponse = await change.SaveAsync(item, before, "measure_updated",
            [new FieldChange("measure.id", null, measure.Id), .. details], cancellationToken);
        return new MeasureChangeResponse(itemResponse, MeasureResponse.From(measure));
    }
}

public sealed record ListMeasuresQuery(Guid ItemId) : IQuery<IReadOnlyList<MeasureResponse>>;

public sealed class ListMeasuresHandler(ItemAccess access) : IQueryHandler<ListMeasuresQuery, IReadOnlyList<MeasureResponse>>
{
    public async ValueTask<IReadOnlyList<MeasureResponse>> Handle(ListMeasuresQuery query, CancellationToken cancellationToken) =>
        (await access.GetAsync(query.ItemId, cancellationToken)).Measures.Select(MeasureResponse.From).ToList();
}
