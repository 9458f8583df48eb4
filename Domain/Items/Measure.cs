namespace Rectify.Domain.Items;

/// <summary>整改措施: one of the item's measures; the item is completed only when all are implemented.</summary>
public sealed class Measure
{
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    public required string Description { get; set; }
    public Guid? UnitId { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool Implemented { get; private set; }
    public DateOnly? ImplementedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }

    public static Measure Restore(Guid id, Guid itemId, string description, Guid? unitId, DateOnly? dueDate,
        bool implemented, DateOnly? implementedOn, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new()
        {
            Id = id, ItemId = itemId, Description = description, UnitId = unitId, DueDate = dueDate,
            Implemented = implemented, ImplementedOn = implementedOn, CreatedAt = createdAt, UpdatedAt = updatedAt,
        };

    internal void SetImplemented(bool implemented, DateOnly? on, DateTimeOffset now)
    {
        Implemented = implemented;
        ImplementedOn = on;
        UpdatedAt = now;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
