using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
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
        RuleFor(x => x.ReportedOn).NotNull();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.ProgressStatus).NotNull().IsInEnum();
        RuleFor(x => x.ScheduleStatus).IsInEnum();
        RuleFor(x => x.QuantityDone).Quantity();
        RuleFor(x => x.Obstacles).MaximumLength(ItemFields.TextMax);
        RuleFor(x => x.Evidence).EvidenceCount();
        RuleForEach(x => x.Evidence).SetValidator(new EvidenceValidator());
    }
}

public sealed class ReportProgressHandler(IProgressStore reports, ItemAccess access, ItemChange change,
    ICurrentClient client, OfficeCalendar calendar) : ICommandHandler<ReportProgressCommand, ProgressReportedResponse>
{
    public async ValueTask<ProgressReportedResponse> Handle(ReportProgressCommand command, CancellationToken cancellationToken)
    {
        var item = await access.GetAsync(command.ItemId, cancellationToken);
        var before = ItemResponse.From(item, calendar);
        var reportedOn = command.ReportedOn!.Value;
        if (reportedOn > calendar.Today)
            throw InvalidField.Because("reportedOn", "A progress report cannot be dated after today.");
        var report = new ProgressReport(Guid.CreateVersion7(), item.Id, reportedOn, command.Summary.Trim(),
            command.ProgressStatus!.Value, command.ScheduleStatus, command.QuantityDone, command.Obstacles,
            command.Evidence ?? [], client.Name, calendar.Now);

        var latest = await reports.LatestReportedOnAsync(item.Id, cancellationToken);
        if (latest is null || reportedOn >= latest)
            item.ReportProgress(report.ProgressStatus, report.ScheduleStatus, report.QuantityDone, report.Obstacles, calendar.Now);
        await reports.InsertAsync(report, cancellationToken);

        var itemResponse = await change.SaveAsync(item, before, "progress_reported",
        [
            new FieldChange("report.id", null, report.Id),
            new FieldChange("report.reportedOn", null, report.ReportedOn),
            new FieldChange("report.summary", null, report.Summary),
            new FieldChange("report.evidence", null, report.Evidence.Count),
        ], cancellationToken);
        return new ProgressReportedResponse(itemResponse, report);
    }
}
