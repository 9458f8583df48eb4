using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Common;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Application.Ledger;

/// <summary>
/// Imports a ledger (台账) file into an inspection, all rows or none. Rows are matched to items by code within the
/// inspection, then by an external reference; a matched item gets what the row's present columns say, an unmatched
/// row creates an item. With <see cref="DryRun"/> every check runs and nothing is saved.
/// </summary>
public sealed record ImportLedgerCommand(Guid InspectionId, bool DryRun, string? FileName, byte[] Content)
    : ICommand<LedgerImportResult>
{
    /// <summary>The largest file taken (the endpoint refuses a larger request with 413 before it gets here).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;
}

public enum ImportAction
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What the import did (or, in a dry run, would do) with one row.</summary>
public sealed record ImportedRow(int Row, string Code, ImportAction Action, Guid? ItemId);

/// <summary>A note on a cell: the row number as the spreadsheet shows it, the column's header, and what is wrong or assumed.</summary>
public sealed record LedgerNote(int Row, string Column, string Message);

public sealed record LedgerImportResult(
    bool DryRun,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportedRow> Rows,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<LedgerNote> Warnings);

/// <summary>The file has errors; nothing was written. Answered as 422 listing every one.</summary>
public sealed class LedgerImportException(IReadOnlyList<LedgerNote> errors)
    : Exception($"The ledger has {errors.Count} error(s); nothing was imported.")
{
    public IReadOnlyList<LedgerNote> Errors { get; } = errors;
}

public sealed class ImportLedgerValidator : AbstractValidator<ImportLedgerCommand>
{
    public ImportLedgerValidator()
    {
        RuleFor(x => x.InspectionId).NotEmpty();
        RuleFor(x => x.Content).NotEmpty().WithName("file").OverridePropertyName("file")
            .WithMessage("Send the ledger as the multipart field 'file' (CSV or XLSX).");
        RuleFor(x => x.Content.Length).LessThanOrEqualTo(ImportLedgerCommand.MaxBytes).OverridePropertyName("file");
    }
}

public sealed class ImportLedgerHandler(
    IInspectionStore inspections, IItemStore items, IUnitStore unitStore, ILedgerFileReader reader, AccessPolicy policy,
    ItemAccess access, ItemEditing editing, ItemRepository repository, ICurrentClient client, OfficeCalendar calendar)
    : ICommandHandler<ImportLedgerCommand, LedgerImportResult>
{
    public async ValueTask<LedgerImportResult> Handle(ImportLedgerCommand command, CancellationToken cancellationToken)
    {
        var inspection = await inspections.FindAsync(command.InspectionId, cancellationToken)
                         ?? throw InvalidField.Because("inspectionId", $"Inspection '{command.InspectionId}' does not exist.");
        var sheet = LedgerSheet.Parse(reader.Read(command.Content, command.FileName));
        var units = new UnitDirectory(await AllUnitsAsync(cancellationToken), await policy.UnitAsync(cancellationToken));
        var rows = LedgerRowParser.ParseAll(sheet, units, inspection.Year);
        var errors = new List<LedgerNote>(sheet.Errors.Concat(rows.SelectMany(r => r.Errors)));
        if (errors.Count > 0)
            throw new LedgerImportException(errors);

        var codes = await items.CodesOfInspectionAsync(inspection.Id, cancellationToken);
        var outcomes = new List<ImportedRow>(rows.Count);
        foreach (var row in rows)
        {
            var outcome = await ApplyAsync(inspection, row, codes, units, command.DryRun, errors, cancellationToken);
            if (outcome is not null)
                outcomes.Add(outcome);
        }
        if (errors.Count > 0)
            throw new LedgerImportException(errors);

        return new LedgerImportResult(command.DryRun,
            outcomes.Count(o => o.Action == ImportAction.Created), outcomes.Count(o => o.Action == ImportAction.Updated),
            outcomes.Count(o => o.Action == ImportAction.Unchanged), outcomes, sheet.UnknownColumns,
            rows.SelectMany(r => r.Warnings).ToList());
    }

    private async Task<IReadOnlyList<OrgUnit>> AllUnitsAsync(CancellationToken cancellationToken)
    {
        var all = new List<OrgUnit>();
        string? cursor = null;
        do
        {
            var page = await unitStore.ListAsync(new UnitFilter(null, null, null, null), 200, cursor, cancellationToken);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        return all;
    }

    /// <summary>Applies one row through the aggregate's methods; a broken rule becomes an error on the row's column.</summary>
    private async Task<ImportedRow?> ApplyAsync(Inspection inspection, LedgerRow row, IReadOnlyDictionary<string, Guid> codes,
        UnitDirectory units, bool dryRun, List<LedgerNote> errors, CancellationToken cancellationToken)
    {
        var column = row.Header(LedgerField.Code);
        try
        {
            var item = await FindAsync(inspection, row, codes, cancellationToken);
            var isNew = item is null;
            if (item is null)
            {
                item = await CreateAsync(inspection, row, units, cancellationToken);
            }
            else if (row.ChangesOf(item) is var (content, assignment, kinds, due) &&
                     (!content.SameAs(item.Content) || assignment is not null || !kinds.SequenceEqual(item.DeadlineKinds) || due != item.DueDate))
            {
                column = row.Header(LedgerField.Description);
                await editing.ApplyAsync(item, content, assignment, kinds, due, cancellationToken);
            }

            column = row.Header(LedgerField.Measures);
            var newMeasures = row.Measures?.Where(m => item.Measures.All(x => x.Description != m)).ToList() ?? [];
            if (newMeasures.Count > 0 && !isNew)
                await policy.EnsureAsync(ItemAction.ManageMeasures, item, cancellationToken);
            foreach (var measure in newMeasures)
                item.AddMeasure(Guid.CreateVersion7(), measure, item.LeadUnitId, item.DueDate, calendar.Now);

            column = row.Header(LedgerField.ProgressStatus);
            await ReportAsync(item, row, isNew, cancellationToken);

            var action = isNew ? ImportAction.Created : item.Events.Count > 0 ? ImportAction.Updated : ImportAction.Unchanged;
            if (!dryRun)
                await repository.SaveAsync(item, cancellationToken);
            return new ImportedRow(row.Number, row.Code, action, dryRun && isNew ? null : item.Id);
        }
        catch (Exception e) when (e is CellException or DomainRuleException or ForbiddenException or ConflictException
                                       or NotFoundException or ValidationException)
        {
            var message = e is ValidationException v ? string.Join(" ", v.Errors.Select(f => f.ErrorMessage)) : e.Message;
            errors.Add(new LedgerNote(row.Number, (e as CellException)?.Column ?? column, message));
            return null;
        }
    }

    private async Task<Item?> FindAsync(Inspection inspection, LedgerRow row, IReadOnlyDictionary<string, Guid> codes,
        CancellationToken cancellationToken)
    {
        var id = codes.TryGetValue(row.Code, out var byCode) ? byCode : (Guid?)null;
        foreach (var reference in id is null ? row.ExternalRefs ?? [] : [])
            id ??= await items.FindIdByRefAsync(reference, cancellationToken);
        if (id is not { } found)
            return null;
        var item = await access.FindAsync(found, cancellationToken)
                   ?? throw new ForbiddenException("import_outside_scope",
                       $"An item '{row.Code}' already exists among items this key cannot see; it cannot be imported over.");
        if (item.InspectionId != inspection.Id)
            throw new ConflictException(
                $"The external reference belongs to item '{item.Code}' of another inspection; an item stays in its inspection.");
        return item;
    }

    private async Task<Item> CreateAsync(Inspection inspection, LedgerRow row, UnitDirectory units, CancellationToken cancellationToken)
    {
        var content = row.NewContent();
        var assigned = row.NewUnits();
        if (units.FirstInactive(assigned.Select(u => u.UnitId)) is { } inactive)
            throw new DomainRuleException("unit_inactive", $"Unit '{inactive.Code}' ({inactive.Name}) is inactive and cannot take new work.");
        if (content.ExternalRefs.Count > 0 &&
            await items.FindTakenExternalRefAsync(content.ExternalRefs, null, cancellationToken) is { } taken)
            throw new ConflictException($"Another item already carries the reference {taken.System}/{taken.Id}.");
        var (kinds, due) = row.NewDeadline();
        return Item.Create(Guid.CreateVersion7(), inspection.Id, inspection.SignOffSteps, content, assigned, kinds, due, calendar.Now);
    }

    /// <summary>
    /// 完成情况 differing from the item's status (or 存在问题 from its obstacles) files a progress report dated today, with
    /// 整改进展 as its summary. 已完成整改 says every measure is done, so the row's unimplemented measures are marked
    /// implemented today first; the aggregate's rules (forward only, not under review or signed off) still hold.
    /// </summary>
    private async Task ReportAsync(Item item, LedgerRow row, bool isNew, CancellationToken cancellationToken)
    {
        var status = row.ProgressStatus ?? (isNew && row.ProgressText is not null ? item.ProgressStatus : null);
        if (status is not { } reported)
            return;
        var obstaclesChanged = row.Has(LedgerField.Obstacles) && row.Obstacles != item.Obstacles;
        if (reported == item.ProgressStatus && !obstaclesChanged && !(isNew && row.ProgressText is not null))
            return;
        await policy.EnsureAsync(ItemAction.ReportProgress, item, cancellationToken);
        var today = calendar.Today;
        if (reported == ProgressStatus.Completed && item.Measures.Any(m => !m.Implemented))
        {
            await policy.EnsureAsync(ItemAction.ImplementMeasure, item, cancellationToken);
            foreach (var measure in item.Measures.Where(m => !m.Implemented).ToList())
                item.SetMeasureImplemented(measure.Id, true, today, today, calendar.Now);
        }
        item.ReportProgress(Guid.CreateVersion7(), today, row.ProgressText ?? LedgerValues.WordOf(reported), reported, null, null,
            row.Has(LedgerField.Obstacles) ? row.Obstacles : item.Obstacles, [], client.Name, calendar.Now);
    }
}
