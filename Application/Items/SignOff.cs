using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Domain.Common;
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
    public static async Task<SignOffResponse> BuildAsync(ISignOffStore store, Item item, CancellationToken cancellationToken)
    {
        var requests = await store.ListRequestsAsync(item.Id, cancellationToken);
        var reviews = await store.ListReviewsAsync(item.Id, cancellationToken);
        return new SignOffResponse(item.Id, item.SignOffStatus, item.SignOffStep, item.SignOffSteps,
            requests.Count > 0 ? requests[^1] : null, requests, reviews, item.SignedOffAt, item.Version);
    }
}

/// <summary>申请销号: a completed item's unit submits a summary and evidence; the chain starts at its first step.</summary>
public sealed record RequestSignOffCommand([property: JsonIgnore] Guid ItemId, string Summary, IReadOnlyList<Evidence>? Evidence) : ICommand<SignOffResponse>;

public sealed class RequestSignOffValidator : AbstractValidator<RequestSignOffCommand>
{
    public RequestSignOffValidator()
    {
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Evidence).EvidenceCount();
        RuleForEach(x => x.Evidence).SetValidator(new EvidenceValidator());
    }
}

public sealed class RequestSignOffHandler(ISignOffStore signOffs, ItemAccess access, ItemChange change, ICurrentClient client,
    OfficeCalendar calendar) : ICommandHandler<RequestSignOffCommand, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(RequestSignOffCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        item.RequestSignOff();
        var request = new SignOffRequest(Guid.CreateVersion7(), item.Id, item.SignOffRound, command.Summary.Trim(),
            command.Evidence ?? [], SignOffRequestStatus.Pending, client.Name, calendar.Now, null);
        await signOffs.InsertRequestAsync(request, cancellationToken);
        await change.SaveAsync(item, before, "sign_off_requested",
            [new FieldChange("request.id", null, request.Id), new FieldChange("request.summary", null, request.Summary),
             new FieldChange("request.evidence", null, request.Evidence.Count)], cancellationToken);
        return await SignOffView.BuildAsync(signOffs, item, cancellationToken);
    }
}

/// <summary>Approves (通过) or returns (退回) the step under review.</summary>
public sealed record ReviewSignOffCommand(Guid ItemId, ReviewDecision Decision, string ReviewerName, string? Comment,
    string? DocumentNumber) : ICommand<SignOffResponse>;

public sealed class ReviewSignOffValidator : AbstractValidator<ReviewSignOffCommand>
{
    public ReviewSignOffValidator()
    {
        RuleFor(x => x.ReviewerName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Comment).MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Decision == ReviewDecision.Returned).OverridePropertyName("reason")
            .WithMessage("A return needs a reason.");
        RuleFor(x => x.DocumentNumber).MaximumLength(200);
    }
}

public sealed class ReviewSignOffHandler(ISignOffStore signOffs, ItemAccess access, ItemChange change, ICurrentClient client,
    OfficeCalendar calendar) : ICommandHandler<ReviewSignOffCommand, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(ReviewSignOffCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        var reviewedVersion = item.Version;
        var request = await signOffs.FindPendingRequestAsync(item.Id, cancellationToken);
        var step = command.Decision == ReviewDecision.Approved ? item.ApproveSignOffStep(calendar.Now) : item.ReturnSignOff();
        if (request is null)
            throw new DomainRuleException("no_pending_sign_off", $"Item '{item.Code}' has no sign-off request awaiting review.");

        var review = new SignOffReview(Guid.CreateVersion7(), request.Id, item.Id, step, item.SignOffSteps[step],
            command.Decision, command.ReviewerName.Trim(), command.Comment, command.DocumentNumber, reviewedVersion,
            client.Name, calendar.Now);
        await signOffs.InsertReviewAsync(review, cancellationToken);
        if (item.SignOffStatus != SignOffStatus.Requested)
            await signOffs.CloseRequestAsync(request.Id,
                command.Decision == ReviewDecision.Approved ? SignOffRequestStatus.Approved : SignOffRequestStatus.Returned,
                calendar.Now, cancellationToken);

        await change.SaveAsync(item, before, command.Decision == ReviewDecision.Approved ? "sign_off_approved" : "sign_off_returned",
        [
            new FieldChange("review.step", null, review.StepName),
            new FieldChange("review.reviewerName", null, review.ReviewerName),
            new FieldChange("review.comment", null, review.Comment),
            new FieldChange("review.documentNumber", null, review.DocumentNumber),
            new FieldChange("review.itemVersion", null, review.ItemVersion),
        ], cancellationToken);
        return await SignOffView.BuildAsync(signOffs, item, cancellationToken);
    }
}

public sealed record GetSignOffQuery(Guid ItemId) : IQuery<SignOffResponse>;

public sealed class GetSignOffHandler(ISignOffStore signOffs, ItemAccess access) : IQueryHandler<GetSignOffQuery, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(GetSignOffQuery query, CancellationToken cancellationToken) =>
        await SignOffView.BuildAsync(signOffs, await access.GetAsync(query.ItemId, cancellationToken), cancellationToken);
}
