using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>The sign-off state of an item: its chain, where it stands, the current request and every review so far.</summary>
public sealed record SignOffResponse(
    Guid ItemId,
    SignOffStatus Status,
    string? PendingStep,
    IReadOnlyList<string> Steps,
    SignOffRequest? CurrentRequest,
    IReadOnlyList<SignOffRequest> Requests,
    IReadOnlyList<SignOffReview> Reviews,
    DateTimeOffset? SignedOffAt,
    int Version) : IVersioned;

internal static class SignOffView
{
    public static Task<SignOffResponse> BuildAsync(ISignOffStore store, Item item, CancellationToken cancellationToken) =>
        BuildAsync(store, SignOffState.Of(item), cancellationToken);

    public static async Task<SignOffResponse> BuildAsync(ISignOffStore store, SignOffState state, CancellationToken cancellationToken)
    {
        var requests = await store.ListRequestsAsync(state.ItemId, cancellationToken);
        var reviews = await store.ListReviewsAsync(state.ItemId, cancellationToken);
        return new SignOffResponse(state.ItemId, state.Status, state.PendingStep, state.Steps,
            requests.Count > 0 ? requests[^1] : null, requests, reviews, state.SignedOffAt, state.Version);
    }
}
