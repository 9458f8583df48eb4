using Rectify.Application.Access;
using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Common;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

/// <summary>The fields to change; a field left out stays, <c>null</c> clears an optional one.</summary>
public sealed record InspectionPatch(
    Optional<InspectionKind> Kind,
    Optional<InspectionLevel> Level,
    Optional<string> Title,
    Optional<int?> Round,
    Optional<int?> Batch,
    Optional<string?> TeamName,
    Optional<int> Year,
    Optional<DateOnly?> FeedbackDate,
    Optional<DateOnly?> PlanDueDate,
    Optional<string?> DocumentNumber,
    Optional<IReadOnlyList<string>> SignOffSteps);

public sealed record UpdateInspectionCommand(Guid Id, ExpectedVersion ExpectedVersion, InspectionPatch Patch)
    : ICommand<InspectionResponse>;

public sealed class UpdateInspectionValidator : AbstractValidator<UpdateInspectionCommand>
{
    public UpdateInspectionValidator()
    {
        RuleFor(x => x.Patch.Kind.Value).IsInEnum().OverridePropertyName("kind");
        RuleFor(x => x.Patch.Level.Value).IsInEnum().OverridePropertyName("level");
        RuleFor(x => x.Patch.Title.Value).InspectionTitle().OverridePropertyName("title").When(x => x.Patch.Title.HasValue);
        RuleFor(x => x.Patch.Round.Value).InclusiveBetween(1, 100).OverridePropertyName("round");
        RuleFor(x => x.Patch.Batch.Value).InclusiveBetween(1, 1000).OverridePropertyName("batch");
        RuleFor(x => x.Patch.TeamName.Value).ShortText().OverridePropertyName("teamName");
        RuleFor(x => x.Patch.DocumentNumber.Value).ShortText().OverridePropertyName("documentNumber");
        RuleFor(x => x.Patch.Year.Value).InspectionYear().OverridePropertyName("year").When(x => x.Patch.Year.HasValue);
        RuleFor(x => x.Patch.FeedbackDate.Value).BusinessDate().OverridePropertyName("feedbackDate");
        RuleFor(x => x.Patch.PlanDueDate.Value).BusinessDate().OverridePropertyName("planDueDate");
        RuleFor(x => x.Patch.SignOffSteps.Value).NotNull().SignOffStepList().OverridePropertyName("signOffSteps")
            .When(x => x.Patch.SignOffSteps.HasValue);
    }
}

public sealed class UpdateInspectionHandler(IInspectionStore inspections, AggregateRepository<Inspection> repository,
    AccessPolicy access)
    : ICommandHandler<UpdateInspectionCommand, InspectionResponse>
{
    public async ValueTask<InspectionResponse> Handle(UpdateInspectionCommand command, CancellationToken cancellationToken)
    {
        await access.EnsureOfficeAsync("Inspections", cancellationToken);
        var inspection = await inspections.GetAsync(command.Id, cancellationToken);
        command.ExpectedVersion.Check("Inspection", inspection.Id, inspection.Version);
        var patch = command.Patch;
        if (patch.SignOffSteps.HasValue && !patch.SignOffSteps.Value.SequenceEqual(inspection.SignOffSteps))
        {
            // A request under review walks the chain it was submitted under; changing it midway would strand it.
            // The items are other aggregates, so their count is asked here.
            var underReview = await inspections.CountItemsUnderReviewAsync(inspection.Id, cancellationToken);
            if (underReview > 0)
                throw new DomainRuleException("sign_off_under_review",
                    $"{underReview} item(s) of this inspection are under sign-off review; change the chain once they are decided.");
        }

        var current = inspection.Details;
        inspection.Edit(new InspectionDetails(patch.Kind.Or(current.Kind), patch.Level.Or(current.Level),
                patch.Title.Or(current.Title).Trim(), patch.Round.Or(current.Round), patch.Batch.Or(current.Batch),
                patch.TeamName.Or(current.TeamName), patch.Year.Or(current.Year), patch.FeedbackDate.Or(current.FeedbackDate),
                patch.PlanDueDate.Or(current.PlanDueDate), patch.DocumentNumber.Or(current.DocumentNumber)),
            patch.SignOffSteps.Or(inspection.SignOffSteps));
        await repository.SaveAsync(inspection, cancellationToken);
        return InspectionResponse.From(inspection);
    }
}
