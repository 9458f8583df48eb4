namespace Rectify.Infrastructure.Persistence.Items;

internal static class ExtensionSql
{
    private const string Columns = "Id, ItemId, RequestedDueDate, PreviousDueDate, Reason, Status, RequestedBy, " +
                                   "RequestedByClientId, RequestedAt, DecidedAt, ReviewerName, Comment";

    public const string Insert = $"""
        INSERT INTO Extensions ({Columns})
        VALUES (@Id, @ItemId, @RequestedDueDate, @PreviousDueDate, @Reason, @Status, @RequestedBy, @RequestedByClientId,
                @RequestedAt, @DecidedAt, @ReviewerName, @Comment)
        """;

    public const string Update = """
        UPDATE Extensions SET Status = @Status, DecidedAt = @DecidedAt, ReviewerName = @ReviewerName, Comment = @Comment
        WHERE Id = @Id AND Status = 'pending'
        """;

    public const string List = $"SELECT {Columns} FROM Extensions WHERE ItemId = @ItemId ORDER BY Seq";
}
