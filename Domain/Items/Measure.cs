namespace Rectify.Domain.Items;

/// <summary>整改措施: one of the item's measures; the item is completed only when all are implemented.</summary>
public sealed class Measure
{
    public Guid Id { get; private init; }
    public Guid ItemId { get; private init; }
    public string Description { get; private set; } = "";
    public Guid? UnitId { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public bool Implemented { get; private set; }
    public DateOnly? ImplementedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Measure Restore(Guid id, Guid itemId, string description, Guid? unitId, DateOnly? dueDate,
        bool implemented, DateOnly? implementedOn, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new()
        {
            Id = id, ItemId = itemId, Description = description, UnitId = unitId, DueDate = dueDate,
            Implemented = implemented, ImplementedOn = implementedOn, CreatedAt = createdAt, UpdatedAt = updatedAt,
        };

    internal static Measure Create(Guid id, Guid itemId, string description, Guid? unitId, DateOnly? dueDate, DateTimeOffset now) =>
        Restore(id, itemId, description, unitId, dueDate, false, null, now, now);

    /// <summary>The measure's audited fields, as the history names them.</summary>
    internal IEnumerable<KeyValuePair<string, object?>> AuditedFields() =>
    [
        new("measure.id", Id),
        new("measure.description", Description),
        new("measure.unitId", UnitId),
        new("measure.dueDate", DueDate),
        new("measure.implemented", Implemented),
        new("measure.implementedOn", ImplementedOn),
    ];

    internal void Edit(string description, Guid? unitId, DateOnly? dueDate, DateTimeOffset now)
    {
        Description = description;
        UnitId = unitId;
        DueDate = dueDate;
        UpdatedAt = now;
    }

    internal void SetImplemented(bool implemented, DateOnly? on, DateTimeOffset now)
    {
        Implemented = implemented;
        ImplementedOn = on;
        UpdatedAt = now;
    }
}
