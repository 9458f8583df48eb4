using Rectify.Application.Access;
using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Domain.Inspections;
using Rectify.Domain.Common;

namespace Rectify.Application.Inspections;

/// <summary>Registers a source of items. Without <c>signOffSteps</c> the configured default chain of its kind applies.</summary>
public sealed record CreateInspectionCommand(
    InspectionKind? Kind,
    InspectionLevel? Level,
    string Title,
    int? Round,
    int? Batch,
    string? TeamName,
    int Year,
    DateOnly? FeedbackDate,
    DateOnly? PlanDueDate,
    string? DocumentNumber,
    IReadOnlyList<string>? SignOffSteps) : ICommand<InspectionResponse>;

public sealed class CreateInspectionValidator : AbstractValidator<CreateInspectionCommand>
{
    public CreateInspectionValidator()
    {
        RuleFor(x => x.Kind).NotNull().IsInEnum();
        RuleFor(x => x.Level).NotNull().IsInEnum();
        RuleFor(x => x.Title).InspectionTitle();
        RuleFor(x => x.Round).InclusiveBetween(1, 100);
        RuleFor(x => x.Batch).InclusiveBetween(1, 1000);
        RuleFor(x => x.TeamName).ShortText();
        RuleFor(x => x.DocumentNumber).ShortText();
        RuleFor(x => x.Year).InspectionYear();
        RuleFor(x => x.FeedbackDate).BusinessDate();
        RuleFor(x => x.PlanDueDate).BusinessDate();
        RuleFor(x => x.SignOffSteps).SignOffStepList();
    }
}

public sealed class CreateInspectionHandler(AggregateRepository<Inspection> repository, OfficeOptions office, TimeProvider clock,
    AccessPolicy access)
    : ICommandHandler<CreateInspectionCommand, InspectionResponse>
{
    public async ValueTask<InspectionResponse> Handle(CreateInspectionCommand command, CancellationToken cancellationToken)
    {
        await access.EnsureOfficeAsync("Inspections", cancellationToken);
        var details = new InspectionDetails(command.Kind!.Value, command.Level!.Value, command.Title.Trim(), command.Round,
            command.Batch, command.TeamName, command.Year, command.FeedbackDate, command.PlanDueDate, command.DocumentNumber);
        var inspection = Inspection.Create(Guid.CreateVersion7(), details,
            command.SignOffSteps ?? DefaultSteps(details.Kind), clock.GetUtcNow());
        await repository.SaveAsync(inspection, cancellationToken);
        return InspectionResponse.From(inspection);
    }

    private IReadOnlyList<string> DefaultSteps(InspectionKind kind) =>
        office.DefaultSignOffSteps(Words.Of(kind));
}
