using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rectify.Application.Common;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Ledger;
using Rectify.Application.Common.Tables;
using Rectify.Application.Units;
using Rectify.Domain.Items;
using Rectify.Domain.Common;

namespace Rectify.Infrastructure.Demo;

/// <summary>
/// Loads the demo: the units and inspections of <see cref="DemoLedgerData"/>, each inspection's items imported from the
/// sample ledger samples/ledger.csv through the importer (<see cref="ImportLedgerCommand"/>), then what a ledger does
/// not carry — implemented measures, dated progress reports, quantities, sign-off reviews, extensions, recurrences —
/// sent as the same commands the API sends, so every rule, version and audit event is real. The sample's due dates
/// move by the days from <see cref="SampleDay"/> to the office's today, so the overdue items, warnings and pending
/// extensions mean something whenever the demo is loaded.
/// </summary>
/// <remarks>
/// The whole load runs in one transaction (the commands join it, as nested commands do): a failure leaves
/// nothing behind, so "the root unit exists" is a sound test for "the demo is already loaded".
/// </remarks>
public sealed class DemoLedger(ISender sender, IUnitOfWork unitOfWork, OfficeCalendar calendar, ILedgerFileReader reader,
    ITableWriter writer, ILogger<DemoLedger> logger)
{
    public const string RootUnitCode = DemoLedgerData.Root;
    private const string OfficeReviewer = "区整改办 刘振华";

    /// <summary>The day samples/ledger.csv was written for: the demo moves its due dates by the days since.</summary>
    public static readonly DateOnly SampleDay = new(2026, 11, 28);

    /// <summary>The sample ledger, embedded from samples/ledger.csv.</summary>
    public static byte[] SampleLedger()
    {
        using var resource = typeof(DemoLedger).Assembly.GetManifestResourceStream("Rectify.Demo.ledger.csv")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Columns whose facts the demo replays as dated progress reports instead of importing them as of today.</summary>
    private static readonly LedgerField[] Replayed = [LedgerField.ProgressStatus, LedgerField.Progress, LedgerField.Obstacles];

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
            var sample = reader.Read(SampleLedger(), "ledger.csv");
            foreach (var inspection in DemoLedgerData.Inspections)
                inspectionIds.Add(await SeedInspectionAsync(inspection, sample, cancellationToken));
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

    private async Task<Guid> SeedInspectionAsync(DemoInspection spec, IReadOnlyList<SheetRow> sample,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var feedback = today.AddDays(-spec.FeedbackDaysAgo);
        var year = feedback.Year;
        var inspection = await sender.Send(new CreateInspectionCommand(spec.Kind, spec.Level, WithYear(spec.Title, year),
            spec.Round, spec.Batch, spec.Team, year, feedback, spec.PlanDueInDays is { } plan ? today.AddDays(plan) : null,
            spec.DocumentNumber is { } number ? WithYear(number, year) : null, spec.Steps), cancellationToken);

        var columns = sample[0].Cells.Select(header => LedgerColumns.ByHeader(header)!.Field).ToList();
        var rows = sample.Skip(1).Where(r => spec.Items.Any(i => i.Code == r.Cells[columns.IndexOf(LedgerField.Code)])).ToList();
        var imported = await sender.Send(new ImportLedgerCommand(inspection.Id, false, "ledger.csv",
            await ImportFileAsync(columns, rows, cancellationToken)), cancellationToken);

        foreach (var item in spec.Items)
        {
            var cells = rows.Single(r => r.Cells[columns.IndexOf(LedgerField.Code)] == item.Code).Cells;
            var obstacles = cells[columns.IndexOf(LedgerField.Obstacles)];
            await SeedItemAsync(spec, imported.Rows.Single(r => r.Code == item.Code).ItemId!.Value, feedback, item,
                cells[columns.IndexOf(LedgerField.Progress)], obstacles.Length > 0 ? obstacles : null, cancellationToken);
        }
        return inspection.Id;
    }

    /// <summary>The sample's rows of one inspection as a CSV to import: without the replayed columns, due dates moved.</summary>
    private async Task<byte[]> ImportFileAsync(IReadOnlyList<LedgerField> columns, IReadOnlyList<SheetRow> rows,
        CancellationToken cancellationToken)
    {
        var kept = Enumerable.Range(0, columns.Count).Where(i => !Replayed.Contains(columns[i])).ToList();
        var shift = calendar.Today.DayNumber - SampleDay.DayNumber;
        using var file = new MemoryStream();
        await writer.WriteAsync(TableFormat.Csv, kept.Select(i => LedgerColumns.InLedgerOrder.Single(c => c.Field == columns[i]).Header).ToList(),
            rows.Select(row => (IReadOnlyList<object?>)kept.Select(i => (object?)(columns[i] == LedgerField.DueDate && row.Cells[i].Length > 0
                ? DateOnly.ParseExact(row.Cells[i], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(shift)
                : row.Cells[i])).ToList()).ToAsyncEnumerable(), file, cancellationToken);
        return file.ToArray();
    }

    private async Task SeedItemAsync(DemoInspection inspection, Guid id, DateOnly feedback, DemoItem spec, string latest,
        string? obstacles, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var item = await sender.Send(new GetItemQuery(id), cancellationToken);
        if (spec.QuantityTarget is not null)
            await sender.Send(new UpdateItemCommand(id, ExpectedVersion.Any, new ItemPatch(default, default, default, default,
                default, default, default, default, default, default, default, default, default, default, default, default,
                new QuantityInput(spec.QuantityTarget, spec.QuantityUnit), default)), cancellationToken);
        var measureIds = (await sender.Send(new ListMeasuresQuery(id), cancellationToken)).Select(m => m.Id).ToList();

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
            case DemoStage.NotStarted when obstacles is not null:
                await ReportAsync(id, endOn, ProgressStatus.NotStarted, spec.Schedule, latest, spec.QuantityDone,
                    obstacles, cancellationToken);
                break;
            case DemoStage.InProgress:
                await ReportAsync(id, endOn, ProgressStatus.InProgress, spec.Schedule, latest, spec.QuantityDone,
                    obstacles, cancellationToken);
                break;
            case DemoStage.BasicallyCompleted:
                await ReportAsync(id, endOn, ProgressStatus.BasicallyCompleted, spec.Schedule, latest, spec.QuantityDone,
                    obstacles, cancellationToken);
                break;
            case >= DemoStage.Completed:
                await ReportAsync(id, endOn, ProgressStatus.Completed, ScheduleStatus.OnSchedule, latest,
                    spec.QuantityTarget, null, cancellationToken);
                break;
        }

        await SignOffAsync(inspection, id, spec, item.Code, latest, measureIds.Count, cancellationToken);
        if (spec.Recurrence is { } recurrence)
            await RecurAsync(id, item, measureIds.Count, recurrence, cancellationToken);
        if (spec.Extension is { } extension)
            await ExtendAsync(id, extension, cancellationToken);
    }

    private async Task SignOffAsync(DemoInspection inspection, Guid id, DemoItem spec, string code, string latest, int measures,
        CancellationToken cancellationToken)
    {
        if (spec.Stage < DemoStage.SignOffRequested)
            return;
        await RequestSignOffAsync(id, code, 1, measures, latest, cancellationToken);
        var approve = spec.Stage == DemoStage.SignedOff ? inspection.Steps.Length : spec.ApprovedSteps;
        await ApproveAsync(inspection, id, 0, approve, cancellationToken);
        if (spec.Stage != DemoStage.Returned || spec.Return is not { } returned)
            return;

        await sender.Send(new ReviewSignOffCommand(id, ReviewDecision.Returned, inspection.Steps[approve],
            inspection.Reviewers[approve], returned.Reason, null, ExpectedVersion.Any), cancellationToken);
        _reviews++;
        if (returned.ResubmittedApprovedSteps is { } again)
        {
            await RequestSignOffAsync(id, code, 2, measures, "已按退回意见补充材料并完成复核，重新申请销号。", cancellationToken);
            await ApproveAsync(inspection, id, 0, again, cancellationToken);
        }
    }

    private async Task RecurAsync(Guid id, ItemResponse item, int measures, DemoRecurrence recurrence,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var newDue = today.AddDays(recurrence.NewDueInDays);
        await sender.Send(new RecordRecurrenceCommand(id, today.AddDays(-recurrence.DetectedDaysAgo), recurrence.DetectedBy,
            recurrence.Description, newDue), cancellationToken);
        var measureId = await AddMeasureAsync(id, recurrence.NewMeasure, item.LeadUnitId, newDue, cancellationToken);
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
        await RequestSignOffAsync(id, item.Code, 2, measures + 1, recurrence.FollowUp, cancellationToken);
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

    private async Task<Guid> AddMeasureAsync(Guid itemId, DemoMeasure measure, Guid leadUnitId, DateOnly? due,
        CancellationToken cancellationToken) =>
        (await sender.Send(new AddMeasureCommand(itemId, measure.Text, measure.Unit is { } unit ? _units[unit].Id : leadUnitId,
            due), cancellationToken)).Measure.Id;

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
