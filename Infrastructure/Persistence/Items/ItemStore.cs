using Rectify.Application.Common.Errors;
using Rectify.Application.Items;
using Rectify.Application.Statistics;
using Rectify.Domain.Common;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class ItemStore(DbSession db, ProgressStore reports, SignOffStore signOffs, ExtensionStore extensions,
    RecurrenceStore recurrences) : IItemStore
{
    public async Task<Item?> FindAsync(Guid id, string? scopePattern, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<ItemRow>(
            db.InTransaction ? db.Pick(ItemSql.FindByIdForUpdate) : ItemSql.FindById, new { Id = id, ScopePattern = scopePattern },
            cancellationToken);
        if (row is null)
            return null;
        return await db.QueryMultipleAsync(ItemSql.ChildrenOfItem, new { ItemId = id }, async children =>
        {
            var measures = (await children.ReadAsync<MeasureRow>()).Select(m => m.ToMeasure()).ToList();
            var openRequest = (await children.ReadAsync<SignOffStore.RequestRow>()).SingleOrDefault()?.ToRequest();
            var itemExtensions = (await children.ReadAsync<ExtensionStore.ExtensionRow>()).Select(e => e.ToExtension()).ToList();
            var units = (await children.ReadAsync<UnitRow>()).Select(u => u.ToItemUnit());
            var refs = (await children.ReadAsync<RefRow>()).Select(r => r.ToRef());
            return row.ToItem(Item.InCanonicalOrder(units), RefRow.Sorted(refs), measures, openRequest, itemExtensions);
        }, cancellationToken);
    }

    public async Task<bool> CodeExistsAsync(Guid inspectionId, string code, Guid? exceptId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(ItemSql.CodeExists,
            new { InspectionId = inspectionId, Code = code, ExceptId = exceptId }, cancellationToken) > 0;

    public async Task<IReadOnlyDictionary<string, Guid>> CodesOfInspectionAsync(Guid inspectionId,
        CancellationToken cancellationToken) =>
        (await db.QueryAsync<CodeRow>(ItemSql.CodesOfInspection, new { InspectionId = inspectionId }, cancellationToken))
        .ToDictionary(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase);

    public async Task<Guid?> FindIdByRefAsync(ExternalRef reference, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<RefRow>(ItemSql.FindRefHolder,
            new { reference.System, ExternalId = reference.Id, ExceptId = (Guid?)null }, cancellationToken))?.ItemId;

    public async Task<ExternalRef?> FindTakenExternalRefAsync(IReadOnlyList<ExternalRef> refs, Guid? exceptId,
        CancellationToken cancellationToken)
    {
        foreach (var reference in refs)
        {
            var holder = await db.QuerySingleOrDefaultAsync<RefRow>(ItemSql.FindRefHolder,
                new { reference.System, ExternalId = reference.Id, ExceptId = exceptId }, cancellationToken);
            if (holder is not null)
                return reference;
        }
        return null;
    }

    public string EntityType => "item";

    /// <summary>
    /// Inserts a new item or writes it over the version it was read at, with the child rows its recorded events
    /// added or changed (measures, reports, sign-off requests and reviews, extensions, recurrences); units and
    /// references are rewritten only when an event could have changed them.
    /// </summary>
    public async Task WriteAsync(Item item, CancellationToken cancellationToken)
    {
        if (item.IsNew)
            await db.ExecuteAsync(db.Pick(ItemSql.Insert), Parameters(item), cancellationToken);
        else if (await db.ExecuteAsync(db.Pick(ItemSql.Update), Parameters(item), cancellationToken) == 0)
            throw new StaleVersionException("Item", item.Id);

        if (item.IsNew || item.Events.Any(e => e.Event is UnitsReassigned or ItemEdited))
            await WriteUnitsAndRefsAsync(item, cancellationToken);
        foreach (var recorded in item.Events)
            await WriteChildRowsAsync(recorded.Event, cancellationToken);
    }

    /// <summary>The child rows an event added or changed; the item row itself is already written.</summary>
    private async Task WriteChildRowsAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case MeasureAdded e:
                await db.ExecuteAsync(ItemSql.InsertMeasure, e.Measure, cancellationToken);
                break;
            case MeasureEvent e:
                await db.ExecuteAsync(ItemSql.UpdateMeasure, e.Measure, cancellationToken);
                break;
            case ProgressReported e:
                await reports.InsertAsync(e.Report, cancellationToken);
                break;
            case SignOffRequested e:
                await signOffs.InsertRequestAsync(e.Request, cancellationToken);
                break;
            case SignOffReviewed e:
                await signOffs.InsertReviewAsync(e.Review, cancellationToken);
                if (e.ClosedRequest is { } closed)
                    await signOffs.CloseRequestAsync(closed, cancellationToken);
                break;
            case ExtensionRequested e:
                await extensions.InsertAsync(e.Extension, cancellationToken);
                break;
            case ExtensionEvent e:
                await extensions.UpdateAsync(e.Extension, cancellationToken);
                break;
            case ItemRecurred e:
                await recurrences.InsertAsync(e.Recurrence, cancellationToken);
                if (e.ClosedRequest is { } reopened)
                    await signOffs.CloseRequestAsync(reopened, cancellationToken);
                break;
        }
    }

    private async Task WriteUnitsAndRefsAsync(Item item, CancellationToken cancellationToken)
    {
        if (!item.IsNew)
        {
            await db.ExecuteAsync(ItemSql.DeleteUnits, new { ItemId = item.Id }, cancellationToken);
            await db.ExecuteAsync(ItemSql.DeleteRefs, new { ItemId = item.Id }, cancellationToken);
        }
        foreach (var unit in item.Units)
            await db.ExecuteAsync(ItemSql.InsertUnit,
                new { ItemId = item.Id, unit.UnitId, Role = EnumText<UnitRole>.Of(unit.Role) }, cancellationToken);
        foreach (var reference in item.ExternalRefs)
            await db.ExecuteAsync(ItemSql.InsertRef,
                new { ItemId = item.Id, reference.System, ExternalId = reference.Id }, cancellationToken);
    }

    private static object Parameters(Item item) => new
    {
        item.Id, item.InspectionId, item.Code, item.Title, item.Description, item.Requirement, item.Target,
        Category = EnumText<ItemCategory>.Of(item.Category), item.Area, item.Industry, item.Aspect, item.IsKey,
        item.ResponsiblePerson, item.ResponsiblePhone,
        DeadlineKinds = string.Join(',', item.DeadlineKinds.Select(EnumText<DeadlineKind>.Of)),
        item.DueDate, item.OriginalDueDate,
        ProgressStatus = EnumText<ProgressStatus>.Of(item.ProgressStatus),
        ScheduleStatus = item.ScheduleStatus is { } schedule ? EnumText<ScheduleStatus>.Of(schedule) : null,
        SignOffStatus = EnumText<SignOffStatus>.Of(item.SignOffStatus),
        item.SignOffStepIndex, item.SignOffRound, item.QuantityTarget, item.QuantityDone, item.QuantityUnit,
        item.Obstacles, item.RecurrenceCount, item.CreatedAt, item.UpdatedAt, item.CompletedAt, item.SignedOffAt,
        item.Version, PreviousVersion = item.Version - 1,
        MeasuresTotal = item.Measures.Count, MeasuresImplemented = item.Measures.Count(m => m.Implemented),
        Holders = HolderSet.Key(item.Units), item.LeadUnitId,
    };
}
