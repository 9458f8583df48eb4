using System.Text.Json.Serialization;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Items;
using Rectify.Domain.Common;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class ItemStore(DbSession db, ProgressStore reports, SignOffStore signOffs, ExtensionStore extensions,
    RecurrenceStore recurrences) : IItemStore
{
    private static readonly DateOnly NoDueDate = new(9999, 12, 31);

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
            return row.ToItem(Item.InCanonicalOrder(units), Sorted(refs), measures, openRequest, itemExtensions);
        }, cancellationToken);
    }

    public async Task<bool> CodeExistsAsync(Guid inspectionId, string code, Guid? exceptId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(ItemSql.CodeExists,
            new { InspectionId = inspectionId, Code = code, ExceptId = exceptId }, cancellationToken) > 0;

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

    public async Task<Page<ItemListRow>> ListAsync(ItemListCriteria criteria, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var sortName = EnumText<ItemSort>.Of(criteria.Sort);
        var after = Cursor.Decode<ItemCursor>(cursor);
        if (after is not null && !after.Fits(criteria.Sort, sortName))
            throw InvalidField.Because("cursor", "The cursor belongs to another sort order; start again without it.");

        var sql = criteria.Sort switch
        {
            ItemSort.DueDate => ItemSql.ListByDueDate,
            ItemSort.UpdatedAt => ItemSql.ListByUpdatedAt,
            ItemSort.Code => ItemSql.ListByCode,
            _ => ItemSql.ListByCreated,
        };
        var rows = await db.QueryAsync<ItemRow>(db.Pick(sql), new
        {
            criteria.ScopePattern,
            criteria.InspectionId,
            InspectionKind = criteria.InspectionKind is { } kind ? EnumText<InspectionKind>.Of(kind) : null,
            criteria.UnitId,
            criteria.UnitPattern,
            ProgressStatus = criteria.ProgressStatus is { } progress ? EnumText<ProgressStatus>.Of(progress) : null,
            SignOffStatus = criteria.SignOffStatus is { } signOff ? EnumText<SignOffStatus>.Of(signOff) : null,
            Category = criteria.Category is { } category ? EnumText<ItemCategory>.Of(category) : null,
            criteria.IsKey,
            criteria.DueFrom,
            criteria.DueTo,
            criteria.UpdatedSince,
            Pattern = SqlText.ContainsPattern(criteria.Q),
            criteria.Overdue,
            WarningLevel = criteria.WarningLevel is { } level ? EnumText<WarningLevel>.Of(level) : null,
            criteria.Today,
            criteria.YellowDate,
            criteria.BlueDate,
            AfterSeq = after?.Seq ?? 0,
            AfterDate = after?.DueDate,
            AfterInstant = after?.UpdatedAt,
            AfterText = after?.Code,
            NoDueDate,
            Limit = limit + 1,
        }, cancellationToken);

        var page = Cursor.ToPage(rows, limit, r => ItemCursor.After(criteria.Sort, sortName, r));
        var items = await ToItemsAsync(page.Items, cancellationToken);
        return new Page<ItemListRow>(
            page.Items.Select((row, i) => new ItemListRow(items[i], new MeasureCounts(row.MeasuresTotal, row.MeasuresImplemented))).ToList(),
            page.NextCursor);
    }

    public async Task<ItemChangePage> ListChangesAsync(string? scopePattern, string? after, int limit,
        CancellationToken cancellationToken)
    {
        var from = ChangeToken.Decode(after);
        var rows = await db.QueryAsync<ItemRow>(db.Pick(ItemSql.Changes),
            new { ScopePattern = scopePattern, After = from.Position, Limit = limit }, cancellationToken);
        var items = await ToItemsAsync(rows, cancellationToken);
        var next = rows.Count > 0 ? Cursor.Encode(new ChangeToken(rows[^1].ChangePosition)) : after ?? ChangeToken.Start;
        return new ItemChangePage(
            rows.Select((row, i) => new ItemListRow(items[i], new MeasureCounts(row.MeasuresTotal, row.MeasuresImplemented))).ToList(),
            next);
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

    /// <summary>Loads units and references of a list page's rows in two queries, whatever the page size.</summary>
    private async Task<IReadOnlyList<Item>> ToItemsAsync(IReadOnlyList<ItemRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return [];
        var ids = rows.Select(r => r.Id).ToList();
        var units = (await db.QueryAsync<UnitRow>(ItemSql.UnitsOfItems, new { Ids = db.IdList(ids) }, cancellationToken))
            .ToLookup(u => u.ItemId, u => u.ToItemUnit());
        var refs = (await db.QueryAsync<RefRow>(ItemSql.RefsOfItems, new { Ids = db.IdList(ids) }, cancellationToken))
            .ToLookup(r => r.ItemId, r => r.ToRef());
        return rows.Select(r => r.ToItem(Item.InCanonicalOrder(units[r.Id]), Sorted(refs[r.Id]), [], null, [])).ToList();
    }

    private static List<ExternalRef> Sorted(IEnumerable<ExternalRef> refs) =>
        refs.OrderBy(x => x.System, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

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
    };

    /// <summary>The keyset position: the sort order, the last item's key in that order, and its sequence number.</summary>
    private sealed record ItemCursor(string Sort, long Seq, DateOnly? DueDate = null, DateTimeOffset? UpdatedAt = null,
        string? Code = null)
    {
        public static ItemCursor After(ItemSort sort, string sortName, ItemRow row) => sort switch
        {
            ItemSort.DueDate => new(sortName, row.Seq, DueDate: row.DueDate ?? NoDueDate),
            ItemSort.UpdatedAt => new(sortName, row.Seq, UpdatedAt: row.UpdatedAt),
            ItemSort.Code => new(sortName, row.Seq, Code: row.Code),
            _ => new(sortName, row.Seq),
        };

        /// <summary>Issued for this sort order and carrying its key.</summary>
        public bool Fits(ItemSort sort, string sortName) => Sort == sortName && sort switch
        {
            ItemSort.DueDate => DueDate is not null,
            ItemSort.UpdatedAt => UpdatedAt is not null,
            ItemSort.Code => Code is not null,
            _ => true,
        };
    }

    /// <summary>A change-feed position: the ChangeSeq (SQLite) or ChangeVersion (SQL Server) of the last item served.</summary>
    private sealed record ChangeToken([property: JsonRequired] long Position)
    {
        public static readonly string Start = Cursor.Encode(new ChangeToken(0));

        public static ChangeToken Decode(string? token)
        {
            var decoded = Cursor.Decode<ChangeToken>(token, "after") ?? new ChangeToken(0);
            return decoded.Position >= 0 ? decoded : throw InvalidField.Because("after", "The after value is not one this service issued.");
        }
    }

    private sealed class UnitRow
    {
        public Guid ItemId { get; init; }
        public Guid UnitId { get; init; }
        public string Role { get; init; } = "";

        public ItemUnit ToItemUnit() => new(UnitId, EnumText<UnitRole>.Parse(Role));
    }

    private sealed class RefRow
    {
        public Guid ItemId { get; init; }
        public string System { get; init; } = "";
        public string ExternalId { get; init; } = "";

        public ExternalRef ToRef() => new(System, ExternalId);
    }

    private sealed class MeasureRow
    {
        public Guid Id { get; init; }
        public Guid ItemId { get; init; }
        public string Description { get; init; } = "";
        public Guid? UnitId { get; init; }
        public DateOnly? DueDate { get; init; }
        public bool Implemented { get; init; }
        public DateOnly? ImplementedOn { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public Measure ToMeasure() =>
            Measure.Restore(Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt);
    }

    private sealed class ItemRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public Guid InspectionId { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Description { get; init; }
        public string? Requirement { get; init; }
        public string? Target { get; init; }
        public string Category { get; init; } = "";
        public string? Area { get; init; }
        public string? Industry { get; init; }
        public string? Aspect { get; init; }
        public bool IsKey { get; init; }
        public string? ResponsiblePerson { get; init; }
        public string? ResponsiblePhone { get; init; }
        public string DeadlineKinds { get; init; } = "";
        public DateOnly? DueDate { get; init; }
        public DateOnly? OriginalDueDate { get; init; }
        public string ProgressStatus { get; init; } = "";
        public string? ScheduleStatus { get; init; }
        public string SignOffStatus { get; init; } = "";
        public int? SignOffStepIndex { get; init; }
        public int SignOffRound { get; init; }
        public decimal? QuantityTarget { get; init; }
        public decimal? QuantityDone { get; init; }
        public string? QuantityUnit { get; init; }
        public string? Obstacles { get; init; }
        public int RecurrenceCount { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
        public DateTimeOffset? SignedOffAt { get; init; }
        public int Version { get; init; }
        public string SignOffSteps { get; init; } = "[]";
        public int MeasuresTotal { get; init; }
        public int MeasuresImplemented { get; init; }
        public long ChangePosition { get; init; }

        public DateOnly? LatestReportedOn { get; init; }

        public Item ToItem(IReadOnlyList<ItemUnit> units, IReadOnlyList<ExternalRef> refs, IReadOnlyList<Measure> measures,
            SignOffRequest? openRequest, IReadOnlyList<Extension> extensions) =>
            Item.Restore(Id, InspectionId,
                new ItemContent(Code, Title, Description, Requirement, Target, EnumText<ItemCategory>.Parse(Category), Area,
                    Industry, Aspect, IsKey, ResponsiblePerson, ResponsiblePhone, QuantityTarget, QuantityUnit, refs),
                JsonColumn.Read<List<string>>(SignOffSteps), units,
                DeadlineKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(EnumText<DeadlineKind>.Parse).ToList(),
                DueDate, OriginalDueDate, EnumText<ProgressStatus>.Parse(ProgressStatus),
                ScheduleStatus is null ? null : EnumText<ScheduleStatus>.Parse(ScheduleStatus),
                EnumText<SignOffStatus>.Parse(SignOffStatus), SignOffStepIndex, SignOffRound, QuantityDone, Obstacles,
                RecurrenceCount, CreatedAt, UpdatedAt, CompletedAt, SignedOffAt, Version, measures, LatestReportedOn,
                openRequest, extensions);
    }
}
