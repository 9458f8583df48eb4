using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>Approves (通过) or returns (退回) the step under review.</summary>
/// <remarks>
/// <paramref name="Step"/> is the step the reviewer saw as pending: a decision is applied to that step only, so a
/// retried or concurrent approval never approves the next one. <paramref name="ExpectedVersion"/> is the optional
/// <c>If-Match</c>.
/// </remarks>
public sealed record ReviewSignOffCommand(Guid ItemId, ReviewDecision Decision, string Step, string ReviewerName,
    string? Comment, string? DocumentNumber, ExpectedVersion ExpectedVersion) : ICommand<SignOffResponse>;

public sealed class ReviewSignOffValidator : AbstractValidator<ReviewSignOffCommand>
{
    public ReviewSignOffValidator()
    {
        RuleFor(x => x.Step).NotEmpty().MaximumLength(200)
            .WithMessage("step names the step being decided, as GET /sign-off shows it in pendingStep.");
        RuleFor(x => x.ReviewerName).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Comment).MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Decision == ReviewDecision.Returned).OverridePropertyName("reason")
            .WithMessage("A return needs a reason.");
        RuleFor(x => x.DocumentNumber).MaximumLength(200);
    }
}

public sealed class ReviewSignOffHandler(ISignOffStore signOffs, ItemRepository repository, AccessPolicy policy,
    ICurrentClient client, OfficeCalendar calendar) : ICommandHandler<ReviewSignOffCommand, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(ReviewSignOffCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureMayDecideAsync(item, item.OpenSignOffRequest?.RequestedByClientId, cancellationToken);
        command.ExpectedVersion.Check("Item", item.Id, item.Version);
        var (step, reviewer) = (command.Step.Trim(), command.ReviewerName.Trim());
        if (command.Decision == ReviewDecision.Approved)
            item.ApproveSignOffStep(Guid.CreateVersion7(), step, reviewer, command.Comment, command.DocumentNumber, client.Name,
                calendar.Now);
        else
            item.ReturnSignOff(Guid.CreateVersion7(), step, reviewer, command.Comment!, client.Name, calendar.Now);
        await repository.SaveAsync(item, cancellationToken);
        return await SignOffView.BuildAsync(signOffs, item, cancellationToken);
    }
}
