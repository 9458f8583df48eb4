using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>The item after a progress report, and the report.</summary>
public sealed record ProgressReportedResponse(ItemResponse Item, ProgressReport Report) : IVersioned
{
    public int Version => Item.Version;
}

/// <summary>
/// A progress report (进展报告). The latest report by date drives the item's progress and schedule status; a report
/// dated before the latest one is kept in the list but changes nothing on the item.
/// </summary>
public sealed record ReportProgressCommand(
    [property: JsonIgnore] Guid ItemId,
    DateOnly? ReportedOn,
    string Summary,
    ProgressStatus? ProgressStatus,
    ScheduleStatus? ScheduleStatus,
    decimal? QuantityDone,
    string? Obstacles,
    IReadOnlyList<Evidence>? Evidence) : ICommand<ProgressReportedResponse>;

public sealed class ReportProgressValidator : AbstractValidator<ReportProgressCommand>
{
    public ReportProgressValidator()
    {
        RuleFor(x => x.ReportedOn).NotNull().BusinessDate();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.ProgressStatus).NotNull().IsInEnum();
        RuleFor(x => x.ScheduleStatus).IsInEnum();
        RuleFor(x => x.QuantityDone).Quantity();
        RuleFor(x => x.Obstacles).MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Evidence).EvidenceCount();
        RuleForEach(x => x.Evidence).SetValidator(new EvidenceValidator());
    }
}

public sealed class ReportProgressHandler(ItemRepository repository, AccessPolicy policy, ICurrentClient client,
    OfficeCalendar calendar)
    : ICommandHandler<ReportProgressCommand, ProgressReportedResponse>
{
    public async ValueTask<ProgressReportedResponse> Handle(ReportProgressCommand command, CancellationToken cancellationToken)
    {
        var item = await repository.GetAsync(command.ItemId, cancellationToken);
        await policy.EnsureAsync(ItemAction.ReportProgress, item, cancellationToken);
        if (command.ReportedOn > calendar.Today)
            throw InvalidField.Because("reportedOn", "A progress report cannot be dated after today.");
        var report = item.ReportProgress(Guid.CreateVersion7(), command.ReportedOn!.Value, command.Summary.Trim(),
            command.ProgressStatus!.Value, command.ScheduleStatus, command.QuantityDone, command.Obstacles,
            command.Evidence ?? [], client.Name, calendar.Now);
        return new ProgressReportedResponse(await repository.SaveAsync(item, cancellationToken), report);
    }
}
