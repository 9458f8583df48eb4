using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Application.Units;

namespace Rectify.Application.Items;

/// <summary>Adds a measure (整改措施) to an item.</summary>
public sealed record AddMeasureCommand([property: JsonIgnore] Guid ItemId, string Description, Guid? UnitId, DateOnly? DueDate)
    : ICommand<MeasureChangeResponse>;

public sealed class AddMeasureValidator : AbstractValidator<AddMeasureCommand>
{
    public AddMeasureValidator()
    {
        RuleFor(x => x.Description).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.DueDate).BusinessDate();
    }
}

public sealed class AddMeasureHandler(IUnitStore units, AccessPolicy policy, ItemRepository repository,
    OfficeCalendar calendar)
    : ICommandHandler<AddMeasureCommand, MeasureChangeResponse>
{
    public async ValueTask<MeasureChangeResponse> Handle(AddMeasureCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureAsync(ItemAction.ManageMeasures, item, cancellationToken);
        await MeasureHelpers.CheckUnitAsync(units, command.UnitId, cancellationToken);
        await policy.EnsureOwnUnitsAsync("unitId", command.UnitId is { } unitId ? [unitId] : [], cancellationToken);
        var measure = item.AddMeasure(Guid.CreateVersion7(), command.Description.Trim(), command.UnitId, command.DueDate, calendar.Now);
        return new MeasureChangeResponse(await repository.SaveAsync(item, cancellationToken), MeasureResponse.From(measure));
    }
}
