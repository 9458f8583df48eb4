namespace Rectify.Infrastructure.Persistence.Items;

internal static class RecurrenceSql
{
    private const string Columns =
        "Id, ItemId, DetectedOn, DetectedBy, Description, NewDueDate, PreviousSignOff, RecordedBy, RecordedAt";

    public const string Insert = $"""
        INSERT INTO Recurrences ({Columns})
        VALUES (@Id, @ItemId, @DetectedOn, @DetectedBy, @Description, @NewDueDate, @PreviousSignOff, @RecordedBy, @RecordedAt)
        """;

    public const string List = $"SELECT {Columns} FROM Recurrences WHERE ItemId = @ItemId ORDER BY Seq";
}
