using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public enum SignOffRequestStatus
{
    Pending,
    Approved,
    Returned,
}

/// <summary>One round of 申请销号: the package of evidence the unit submitted.</summary>
public sealed record SignOffRequest(
    Guid Id,
    Guid ItemId,
    int Round,
    string Summary,
    IReadOnlyList<Evidence> Evidence,
    SignOffRequestStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ClosedAt);

/// <summary>One decision of the review chain, bound to the item version the reviewer saw.</summary>
public sealed record SignOffReview(
    Guid Id,
    Guid RequestId,
    Guid ItemId,
    int StepIndex,
    string StepName,
    ReviewDecision Decision,
    string ReviewerName,
    string? Comment,
    string? DocumentNumber,
    int ItemVersion,
    string ReviewedBy,
    DateTimeOffset ReviewedAt);

public interface ISignOffStore
{
    Task InsertRequestAsync(SignOffRequest request, CancellationToken cancellationToken);
    Task<SignOffRequest?> FindPendingRequestAsync(Guid itemId, CancellationToken cancellationToken);
    Task CloseRequestAsync(Guid requestId, SignOffRequestStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken);
    Task InsertReviewAsync(SignOffReview review, CancellationToken cancellationToken);
    Task<IReadOnlyList<SignOffRequest>> ListRequestsAsync(Guid itemId, CancellationToken cancellationToken);
    Task<IReadOnlyList<SignOffReview>> ListReviewsAsync(Guid itemId, CancellationToken cancellationToken);
}
