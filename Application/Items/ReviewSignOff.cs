using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Domain.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

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
        var request = await signOffs.FindPendingRequestAsync(item.Id, cancellationToken)
                      ?? throw new DomainRuleException("no_pending_sign_off",
                          $"Item '{item.Code}' has no sign-off request awaiting review (it is {Words.Of(item.SignOffStatus)}).");
        var step = command.Decision == ReviewDecision.Approved ? item.ApproveSignOffStep(calendar.Now) : item.ReturnSignOff();

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
