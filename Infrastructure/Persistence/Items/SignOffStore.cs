using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class SignOffStore(DbSession db) : ISignOffStore
{
    public async Task InsertRequestAsync(SignOffRequest request, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(SignOffSql.InsertRequest, new
        {
            request.Id, request.ItemId, request.Round, request.Summary, Evidence = JsonColumn.Write(request.Evidence),
            Status = EnumText<SignOffRequestStatus>.Of(request.Status), request.RequestedBy, request.RequestedByClientId, request.RequestedAt,
            request.ClosedAt,
        }, cancellationToken);

    public async Task CloseRequestAsync(SignOffRequest request, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(SignOffSql.CloseRequest,
            new { request.Id, Status = EnumText<SignOffRequestStatus>.Of(request.Status), request.ClosedAt }, cancellationToken);

    public async Task InsertReviewAsync(SignOffReview review, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(SignOffSql.InsertReview, new
        {
            review.Id, review.RequestId, review.ItemId, review.StepIndex, review.StepName,
            Decision = EnumText<ReviewDecision>.Of(review.Decision), review.ReviewerName, review.Comment,
            review.DocumentNumber, review.ItemVersion, review.ReviewedBy, review.ReviewedAt,
        }, cancellationToken);

    public async Task<IReadOnlyList<SignOffRequest>> ListRequestsAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<RequestRow>(SignOffSql.ListRequests, new { ItemId = itemId }, cancellationToken))
        .Select(r => r.ToRequest()).ToList();

    public async Task<IReadOnlyList<SignOffReview>> ListReviewsAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ReviewRow>(SignOffSql.ListReviews, new { ItemId = itemId }, cancellationToken))
        .Select(r => r.ToReview()).ToList();

    internal sealed class RequestRow
    {
        public Guid Id { get; init; }
        public Guid ItemId { get; init; }
        public int Round { get; init; }
        public string Summary { get; init; } = "";
        public string Evidence { get; init; } = "[]";
        public string Status { get; init; } = "";
        public string RequestedBy { get; init; } = "";
        public Guid? RequestedByClientId { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }

        public SignOffRequest ToRequest() => new(Id, ItemId, Round, Summary, JsonColumn.Read<List<Evidence>>(Evidence),
            EnumText<SignOffRequestStatus>.Parse(Status), RequestedBy, RequestedByClientId, RequestedAt, ClosedAt);
    }

    private sealed class ReviewRow
    {
        public Guid Id { get; init; }
        public Guid RequestId { get; init; }
        public Guid ItemId { get; init; }
        public int StepIndex { get; init; }
        public string StepName { get; init; } = "";
        public string Decision { get; init; } = "";
        public string ReviewerName { get; init; } = "";
        public string? Comment { get; init; }
        public string? DocumentNumber { get; init; }
        public int ItemVersion { get; init; }
        public string ReviewedBy { get; init; } = "";
        public DateTimeOffset ReviewedAt { get; init; }

        public SignOffReview ToReview() => new(Id, RequestId, ItemId, StepIndex, StepName,
            EnumText<ReviewDecision>.Parse(Decision), ReviewerName, Comment, DocumentNumber, ItemVersion, ReviewedBy, ReviewedAt);
    }
}
