using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rectify.Application.Common;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Items;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Demo;

/// <summary>
/// Loads the demo ledger (<see cref="DemoLedgerData"/>) through the same commands the API sends, so every rule,
/// version and audit event is real. Dates are relative to the office's today, so the overdue items, warnings
/// and pending extensions mean something whenever the demo is loaded.
/// </summary>
/// <remarks>
/// The whole load runs in one transaction (the commands join it, as nested commands do): a failure leaves
/// nothing behind, so "the root unit exists" is a sound test for "the demo is already loaded".
/// </remarks>
public sealed class DemoLedger(ISender sender, IUnitOfWork unitOfWork, OfficeCalendar calendar, ILogger<DemoLedger> logger)
{
    public const string RootUnitCode = DemoLedgerData.Root;
    private const string OfficeReviewer = "区整改办 刘振华";

    private readonly Dictionary<string, UnitResponse> _units = new(StringComparer.Ordinal);
    private int _reports, _reviews, _documents;
    private readonly Dictionary<ExtensionStatus, int> _extensions = [];

    /// <summary>Seeds with the services of the caller's scope; null when the demo was already there.</summary>
    public static Task<DemoSummary?> SeedAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<DemoLedger>(scopedServices).RunAsync(cancellationToken);

    public async Task<DemoSummary?> RunAsync(CancellationToken cancellationToken)
    {
        if (await IsLoadedAsync(cancellationToken))
        {
            logger.LogInformation("The demo ledger is already loaded (unit {RootUnitCode} exists); nothing seeded.", RootUnitCode);
            return null;
        }

        var inspectionIds = new List<Guid>();
        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            foreach (var unit in DemoLedgerData.Units)
                await CreateUnitAsync(unit, cancellationToken);
            foreach (var inspection in DemoLedgerData.Inspections)
                inspectionIds.Add(await SeedInspectionAsync(inspection, cancellationToken));
            await unitOfWork.CommitAsync(cancellationToken);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }

        var summary = await SummarizeAsync(inspectionIds, cancellationToken);
        logger.LogInformation("Demo ledger loaded: {Summary}", summary);
        return summary;
    }

    private async Task<bool> IsLoadedAsync(CancellationToken cancellationToken)
    {
        var page = await sender.Send(new ListUnitsQuery(null, null, RootUnitCode, 200, null), cancellationToken);
        return page.Items.Any(u => string.Equals(u.Code, RootUnitCode, StringComparison.OrdinalIgnoreCase));
    }

    private async Task CreateUnitAsync(DemoUnit unit, CancellationToken cancellationToken)
    {
        var parentId = unit.Parent is { } parent ? _units[parent].Id : (Guid?)null;
        _units[unit.Code] = await sender.Send(
            new CreateUnitCommand(unit.Code, unit.Name, unit.Kind, parentId, unit.Contact, unit.Phone), cancellationToken);
    }

    private async Task<Guid> SeedInspectionAsync(DemoInspection spec, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var feedback = today.AddDays(-spec.FeedbackDaysAgo);
        var year = feedback.Year;
        var inspection = await sender.Send(new CreateInspectionCommand(spec.Kind, spec.Level, WithYear(spec.Title, year),
            spec.Round, spec.Batch, spec.Team, year, feedback, spec.PlanDueInDays is { } plan ? today.AddDays(plan) : null,
            spec.DocumentNumber is { } number ? WithYear(number, year) : null, spec.Steps), cancellationToken);
        foreach (var item in spec.Items)
            await SeedItemAsync(spec, inspection.Id, feedback, item, cancellationToken);
        return inspection.Id;
    }

    private async Task SeedItemAsync(DemoInspection inspection, Guid inspectionId, DateOnly feedback, DemoItem spec,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        DateOnly? due = spec.DueInDays is { } days ? today.AddDays(days) : null;
        var lead = _units[spec.Lead];
        var item = await sender.Send(new CreateItemCommand(inspectionId, spec.Code, spec.Title, spec.Description,
            spec.Requirement, spec.Target, spec.Category, spec.Area, spec.Industry, spec.Aspect, spec.IsKey, lead.Id,
            spec.Others.Select(o => new ItemUnitInput(_units[o.Unit].Id, o.Role)).ToList(), lead.ContactName,
            lead.ContactPhone, spec.Kinds, due,
            spec.QuantityTarget is null ? null : new QuantityInput(spec.QuantityTarget, spec.QuantityUnit),
            spec.ExternalRef is { } reference ? [new ExternalRefInput("区信访信息系统", reference)] : null), cancellationToken);
        var id = item.Id;

        var measureIds = new List<Guid>();
        foreach (var measure in spec.Measures)
            measureIds.Add(await AddMeasureAsync(id, measure, spec.Lead, due, cancellationToken));

        var completed = spec.Stage >= DemoStage.Completed;
        var endOn = completed ? today.AddDays(-spec.DoneDaysAgo) : today.AddDays(-spec.LastReportDaysAgo);
        var startOn = Min(feedback.AddDays(15), endOn);
        var implemented = spec.Stage switch
        {
            DemoStage.NotStarted => 0,
            DemoStage.InProgress => spec.Implemented ?? measureIds.Count / 2,
            DemoStage.BasicallyCompleted => spec.Implemented ?? measureIds.Count - 1,
            _ => measureIds.Count,
        };
        for (var i = 0; i < implemented; i++)
        {
            var on = startOn.AddDays((endOn.DayNumber - startOn.DayNumber) * (i + 1) / implemented);
            await ImplementAsync(id, measureIds[i], on, cancellationToken);
        }

        if (spec.Stage != DemoStage.NotStarted)
            await ReportAsync(id, startOn, ProgressStatus.InProgress, ScheduleStatus.OnSchedule,
                "已制定整改方案，明确责任单位、责任人和完成时限，整改工作全面启动。", null, null, cancellationToken);
        switch (spec.Stage)
        {
            case DemoStage.NotStarted when spec.Obstacles is not null:
                await ReportAsync(id, endOn, ProgressStatus.NotStarted, spec.Schedule, spec.Latest, spec.QuantityDone,
                    spec.Obstacles, cancellationToken);
                break;
            case DemoStage.InProgress:
                await ReportAsync(id, endOn, ProgressStatus.InProgress, spec.Schedule, spec.Latest, spec.QuantityDone,
                    spec.Obstacles, cancellationToken);
                break;
            case DemoStage.BasicallyCompleted:
                await ReportAsync(id, endOn, ProgressStatus.BasicallyCompleted, spec.Schedule, spec.Latest, spec.QuantityDone,
                    spec.Obstacles, cancellationToken);
                break;
            case >= DemoStage.Completed:
                await ReportAsync(id, endOn, ProgressStatus.Completed, ScheduleStatus.OnSchedule, spec.Latest,
                    spec.QuantityTarget, null, cancellationToken);
                break;
        }

        await SignOffAsync(inspection, id, spec, measureIds.Count, cancellationToken);
        if (spec.Recurrence is { } recurrence)
            await RecurAsync(id, spec, measureIds.Count, recurrence, cancellationToken);
        if (spec.Extension is { } extension)
            await ExtendAsync(id, extension, cancellationToken);
    }

    private async Task SignOffAsync(DemoInspection inspection, Guid id, DemoItem spec, int measures,
        CancellationToken cancellationToken)
    {
        if (spec.Stage < DemoStage.SignOffRequested)
            return;
        await RequestSignOffAsync(id, spec.Code, 1, measures, spec.Latest, cancellationToken);
        var approve = spec.Stage == DemoStage.SignedOff ? inspection.Steps.Length : spec.ApprovedSteps;
        await ApproveAsync(inspection, id, 0, approve, cancellationToken);
        if (spec.Stage != DemoStage.Returned || spec.Return is not { } returned)
            return;

        await sender.Send(new ReviewSignOffCommand(id, ReviewDecision.Returned, inspection.Steps[approve],
            inspection.Reviewers[approve], returned.Reason, null, ExpectedVersion.Any), cancellationToken);
        _reviews++;
        if (returned.ResubmittedApprovedSteps is { } again)
        {
            await RequestSignOffAsync(id, spec.Code, 2, measures, "已按退回意见补充材料并完成复核，重新申请销号。", cancellationToken);
            await ApproveAsync(inspection, id, 0, again, cancellationToken);
        }
    }

    private async Task RecurAsync(Guid id, DemoItem spec, int measures, DemoRecurrence recurrence,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var newDue = today.AddDays(recurrence.NewDueInDays);
        await sender.Send(new RecordRecurrenceCommand(id, today.AddDays(-recurrence.DetectedDaysAgo), recurrence.DetectedBy,
            recurrence.Description, newDue), cancellationToken);
        var measureId = await AddMeasureAsync(id, recurrence.NewMeasure, spec.Lead, newDue, cancellationToken);
        var followUpOn = today.AddDays(-recurrence.FollowUpDaysAgo);
        if (!recurrence.CompletedAgain)
        {
            await ReportAsync(id, followUpOn, ProgressStatus.InProgress, ScheduleStatus.OnSchedule, recurrence.FollowUp, null,
                null, cancellationToken);
            return;
        }

        await ImplementAsync(id, measureId, followUpOn, cancellationToken);
        await ReportAsync(id, followUpOn, ProgressStatus.Completed, ScheduleStatus.OnSchedule, recurrence.FollowUp, null, null,
            cancellationToken);
        await RequestSignOffAsync(id, spec.Code, 2, measures + 1, recurrence.FollowUp, cancellationToken);
    }

    private async Task ExtendAsync(Guid id, DemoExtension extension, CancellationToken cancellationToken)
    {
        var requested = await sender.Send(new RequestExtensionCommand(id, calendar.Today.AddDays(extension.RequestedDueInDays),
            extension.Reason), cancellationToken);
        if (extension.Decision != ExtensionStatus.Pending)
            await sender.Send(new DecideExtensionCommand(id, requested.Extension.Id, extension.Decision, OfficeReviewer,
                extension.Comment), cancellationToken);
        _extensions[extension.Decision] = _extensions.GetValueOrDefault(extension.Decision) + 1;
    }

    private async Task<Guid> AddMeasureAsync(Guid itemId, DemoMeasure measure, string leadUnit, DateOnly? due,
        CancellationToken cancellationToken) =>
        (await sender.Send(new AddMeasureCommand(itemId, measure.Text, _units[measure.Unit ?? leadUnit].Id, due),
            cancellationToken)).Measure.Id;

    private async Task ImplementAsync(Guid itemId, Guid measureId, DateOnly on, CancellationToken cancellationToken) =>
        await sender.Send(new UpdateMeasureCommand(itemId, measureId, ExpectedVersion.Any,
            new MeasurePatch(default, default, default, true, on)), cancellationToken);

    private async Task ReportAsync(Guid itemId, DateOnly on, ProgressStatus status, ScheduleStatus schedule, string summary,
        decimal? quantityDone, string? obstacles, CancellationToken cancellationToken)
    {
        IReadOnlyList<Evidence>? evidence = status == ProgressStatus.Completed
            ? [new Evidence("整改完成现场照片", $"https://evidence.example.org/rectify-demo/{itemId:N}/{on:yyyyMMdd}/photos.zip", null)]
            : null;
        await sender.Send(new ReportProgressCommand(itemId, on, summary, status, schedule, quantityDone, obstacles, evidence),
            cancellationToken);
        _reports++;
    }

    private async Task RequestSignOffAsync(Guid itemId, string code, int round, int measures, string latest,
        CancellationToken cancellationToken)
    {
        var folder = $"https://evidence.example.org/rectify-demo/{itemId:N}/sign-off-{round}";
        await sender.Send(new RequestSignOffCommand(itemId, $"申请销号：{measures}条整改措施已全部落实。{latest}",
        [
            new Evidence($"{code} 整改销号申请表", $"{folder}/application.pdf", null),
            new Evidence("整改前后对比照片", $"{folder}/photos.zip", null),
            new Evidence("整改佐证材料汇编", $"{folder}/evidence.pdf", null),
        ]), cancellationToken);
    }

    private async Task ApproveAsync(DemoInspection inspection, Guid itemId, int fromStep, int count,
        CancellationToken cancellationToken)
    {
        for (var step = fromStep; step < fromStep + count; step++)
        {
            var last = step == inspection.Steps.Length - 1;
            var name = inspection.Steps[step];
            var comment = last ? "经审核，整改到位，同意销号。"
                : name.Contains("公示", StringComparison.Ordinal) ? "已在区融媒体平台公示7日，无异议。"
                : name.Contains("签字", StringComparison.Ordinal) ? "同意，已签字确认。"
                : "材料齐全，现场核查整改到位，同意报送下一环节。";
            var document = last
                ? $"{inspection.SignOffDocument}〔{calendar.Today.Year}〕{++_documents}号"
                : null;
            await sender.Send(new ReviewSignOffCommand(itemId, ReviewDecision.Approved, name, inspection.Reviewers[step], comment,
                document, ExpectedVersion.Any), cancellationToken);
            _reviews++;
        }
    }

    private async Task<DemoSummary> SummarizeAsync(IReadOnlyList<Guid> inspectionIds, CancellationToken cancellationToken)
    {
        var items = new List<ItemResponse>();
        foreach (var inspectionId in inspectionIds)
            items.AddRange((await sender.Send(new ListItemsQuery(InspectionId: inspectionId, Limit: 200), cancellationToken)).Items);
        return new DemoSummary(
            _units.Count, inspectionIds.Count, items.Count,
            Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => items.Count(i => i.ProgressStatus == s)),
            Enum.GetValues<SignOffStatus>().ToDictionary(s => s, s => items.Count(i => i.SignOffStatus == s)),
            items.Count(i => i.IsOverdue), items.Count(i => i.RecurrenceCount > 0), items.Count(i => i.IsKey),
            items.Sum(i => i.Measures.Total), items.Sum(i => i.Measures.Implemented), _reports, _reviews,
            Enum.GetValues<ExtensionStatus>().ToDictionary(s => s, s => _extensions.GetValueOrDefault(s)));
    }

    private static string WithYear(string text, int year) => string.Format(CultureInfo.InvariantCulture, text, year);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>What the demo load produced, counted from the ledger as the API lists it.</summary>
public sealed record DemoSummary(
    int Units,
    int Inspections,
    int Items,
    IReadOnlyDictionary<ProgressStatus, int> ByProgress,
    IReadOnlyDictionary<SignOffStatus, int> BySignOff,
    int Overdue,
    int Recurred,
    int KeyItems,
    int Measures,
    int MeasuresImplemented,
    int ProgressReports,
    int Reviews,
    IReadOnlyDictionary<ExtensionStatus, int> Extensions)
{
    public override string ToString() =>
        $"{Units} units, {Inspections} inspections, {Items} items (progress {Counts(ByProgress)}; sign-off {Counts(BySignOff)}), " +
        $"{Overdue} overdue, {Recurred} recurred, {KeyItems} key, {Measures} measures ({MeasuresImplemented} implemented), " +
        $"{ProgressReports} progress reports, {Reviews} sign-off reviews, extensions {Counts(Extensions)}";

    private static string Counts<T>(IReadOnlyDictionary<T, int> counts) where T : struct, Enum =>
        string.Join(", ", counts.Select(c => $"{Words.Of(c.Key)} {c.Value}"));
}
