using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
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
        RuleFor(x => x.SignOffSteps).SignOffStepList();
    }
}

public sealed class CreateInspectionHandler(IInspectionStore inspections, IAuditLog audit, OfficeOptions office, TimeProvider clock, ICurrentClient client)
    : ICommandHandler<CreateInspectionCommand, InspectionResponse>
{
    public async ValueTask<InspectionResponse> Handle(CreateInspectionCommand command, CancellationToken cancellationToken)
    {
        if (client.UnitId is not null)
            throw new ForbiddenException("Inspections are shared by every unit; only a key not bound to a unit can change them.");
        var now = clock.GetUtcNow();
        var inspection = new Inspection
        {
            Id = Guid.CreateVersion7(), Kind = command.Kind!.Value, Level = command.Level!.Value,
            Title = command.Title.Trim(), Round = command.Round, Batch = command.Batch, TeamName = command.TeamName,
            Year = command.Year, FeedbackDate = command.FeedbackDate, PlanDueDate = command.PlanDueDate,
            DocumentNumber = command.DocumentNumber, CreatedAt = now, UpdatedAt = now,
        };
        inspection.SetSignOffSteps(command.SignOffSteps ?? DefaultSteps(inspection.Kind));
        await inspections.InsertAsync(inspection, cancellationToken);
        await audit.RecordAsync(AuditedInspection.EntityType, inspection.Id, "created",
            AuditedInspection.Changes(null, inspection), cancellationToken);
        return InspectionResponse.From(inspection);
    }

    private IReadOnlyList<string> DefaultSteps(InspectionKind kind) =>
        office.DefaultSignOffSteps(Words.Of(kind));
}
