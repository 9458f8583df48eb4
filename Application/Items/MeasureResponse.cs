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

}
