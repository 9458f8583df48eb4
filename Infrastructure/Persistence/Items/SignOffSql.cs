namespace Rectify.Infrastructure.Persistence.Items;

internal static class SignOffSql
{
    private const string RequestColumns = "Seq, Id, ItemId, Round, Summary, Evidence, Status, RequestedBy, RequestedByClientId, RequestedAt, ClosedAt";

    public const string InsertRequest = """
        INSERT INTO SignOffRequests (Id, ItemId, Round, Summary, Evidence, Status, RequestedBy, RequestedByClientId, RequestedAt,
                                     ClosedAt)
        VALUES (@Id, @ItemId, @Round, @Summary, @Evidence, @Status, @RequestedBy, @RequestedByClientId, @RequestedAt, @ClosedAt)
        """;

    public const string FindPendingRequest = $"SELECT {RequestColumns} FROM SignOffRequests WHERE ItemId = @ItemId AND Status = 'pending'";

    public const string CloseRequest = "UPDATE SignOffRequests SET Status = @Status, ClosedAt = @ClosedAt WHERE Id = @Id";

    public const string ListRequests = $"SELECT {RequestColumns} FROM SignOffRequests WHERE ItemId = @ItemId ORDER BY Seq";

    public const string InsertReview = """
        INSERT INTO SignOffReviews (Id, RequestId, ItemId, StepIndex, StepName, Decision, ReviewerName, Comment, DocumentNumber,
                                    ItemVersion, ReviewedBy, ReviewedAt)
        VALUES (@Id, @RequestId, @ItemId, @StepIndex, @StepName, @Decision, @ReviewerName, @Comment, @DocumentNumber,
                @ItemVersion, @ReviewedBy, @ReviewedAt)
        """;

    public const string ListReviews = """
        SELECT Id, RequestId, ItemId, StepIndex, StepName, Decision, ReviewerName, Comment, DocumentNumber, ItemVersion,
               ReviewedBy, ReviewedAt
        FROM SignOffReviews WHERE ItemId = @ItemId ORDER BY Seq
        """;
}
