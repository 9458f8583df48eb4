using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Dapper;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Items;
using Rectify.Application.Ledger;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

/// <summary>
/// Item reads: rows selected by SQL and mapped straight to responses. An item costs one command (its row, units,
/// references; measure counts are on the row); a list page two, whatever its size (the rows, then the children of their ids).
/// </summary>
internal sealed class ItemQueries(DbSession db, OfficeCalendar calendar) : IItemQueries
{
    public Task<ItemResponse?> FindAsync(Guid id, string? scopePattern, CancellationToken cancellationToken) =>
        db.QueryMultipleAsync(scopePattern is null ? ItemReadSql.Find : ItemReadSql.FindInScope,
            new { Id = id, ScopePattern = scopePattern, Ids = db.IdList([id]) }, async results =>
            {
                var row = (await results.ReadAsync<ItemRow>()).SingleOrDefault();
                var children = await Children.ReadAsync(results);
                return row is null ? null : children.ResponseOf(row, calendar, calendar.Today);
            }, cancellationToken);

    public async Task<IReadOnlyList<ItemResponse>> ListByIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await ResponsesAsync(await db.QueryAsync<ItemRow>(ItemReadSql.ByIds, new { Ids = db.IdList(ids) }, cancellationToken),
                calendar.Today, cancellationToken);

    public async Task<bool> IsVisibleAsync(Guid id, string? scopePattern, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(scopePattern is null ? ItemReadSql.Exists : ItemReadSql.ExistsInScope,
            new { Id = id, ScopePattern = scopePattern }, cancellationToken) > 0;

    public async Task<IReadOnlyList<MeasureResponse>> ListMeasuresAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<MeasureRow>(ItemSql.MeasuresOfItem, new { ItemId = itemId }, cancellationToken))
        .Select(m => m.ToResponse()).ToList();

    public async Task<SignOffState?> FindSignOffStateAsync(Guid id, string? scopePattern, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ItemRow>(
            scopePattern is null ? ItemReadSql.SignOffState : ItemReadSql.SignOffStateInScope,
            new { Id = id, ScopePattern = scopePattern }, cancellationToken))?.ToSignOffState();

    public async Task<Page<ItemResponse>> ListAsync(ItemListCriteria criteria, int limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var sortName = EnumText<ItemSort>.Of(criteria.Sort);
        var after = Cursor.Decode<ItemCursor>(cursor);
        if (after is not null && !after.Fits(criteria.Sort, sortName))
            throw InvalidField.Because("cursor", "The cursor belongs to another sort order; start again without it.");

        var rows = await db.QueryAsync<ItemRow>(db.Pick(ItemReadSql.List(criteria, after is not null)),
            ListParameters(criteria, after, limit + 1), cancellationToken);

        var page = Cursor.ToPage(rows, limit, r => ItemCursor.After(criteria.Sort, sortName, r));
        return new Page<ItemResponse>(await ResponsesAsync(page.Items, criteria.Today, cancellationToken), page.NextCursor);
    }

    /// <summary>
    /// The list's own statement, paged by its keyset in batches of <see cref="ExportBatch"/>, each batch's children read
    /// in one more command. Batches rather than one unbuffered reader because the children's command cannot run on the
    /// connection while a reader is open on it (SQL Server without MARS); the seek keeps each batch an index range.
    /// </summary>
    public async IAsyncEnumerable<LedgerItem> ExportAsync(ItemListCriteria criteria,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sortName = EnumText<ItemSort>.Of(criteria.Sort);
        ItemCursor? after = null;
        while (true)
        {
            var rows = await db.QueryAsync<ItemRow>(db.Pick(ItemReadSql.List(criteria, after is not null)),
                ListParameters(criteria, after, ExportBatch), cancellationToken);
            if (rows.Count == 0)
                yield break;
            var batch = await db.QueryMultipleAsync(ItemReadSql.LedgerOfItems, new { Ids = db.IdList(rows.Select(r => r.Id)) },
                async results => (Children: await Children.ReadAsync(results),
                    Names: (await results.ReadAsync<LedgerTextRow>()).ToDictionary(u => u.Id, u => u.Text),
                    Measures: (await results.ReadAsync<LedgerTextRow>()).ToLookup(m => m.Id, m => m.Text),
                    Progress: (await results.ReadAsync<LedgerTextRow>()).ToDictionary(p => p.Id, p => p.Text)),
                cancellationToken);
            foreach (var row in rows)
                yield return new LedgerItem(batch.Children.ResponseOf(row, calendar, criteria.Today), batch.Names,
                    batch.Measures[row.Id].ToList(), batch.Progress.GetValueOrDefault(row.Id));
            if (rows.Count < ExportBatch)
                yield break;
            after = ItemCursor.After(criteria.Sort, sortName, rows[^1]);
        }
    }

    private const int ExportBatch = 500;

    private static object ListParameters(ItemListCriteria criteria, ItemCursor? after, int limit) => new
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
        criteria.Today,
        criteria.YellowDate,
        criteria.BlueDate,
        AfterSeq = after?.Seq ?? 0,
        AfterDate = after?.DueDate,
        AfterInstant = after?.UpdatedAt,
        AfterText = after?.Code,
        Limit = limit,
    };

    public async Task<ItemChangesResponse> ListChangesAsync(string? scopePattern, string? after, int limit,
        CancellationToken cancellationToken)
    {
        var from = ChangeToken.Decode(after);
        var rows = await db.QueryAsync<ItemRow>(db.Pick(scopePattern is null ? ItemReadSql.Changes : ItemReadSql.ChangesInScope),
            new { ScopePattern = scopePattern, After = from.Position, Limit = limit }, cancellationToken);
        var next = rows.Count > 0 ? Cursor.Encode(new ChangeToken(rows[^1].ChangePosition)) : after ?? ChangeToken.Start;
        return new ItemChangesResponse(await ResponsesAsync(rows, calendar.Today, cancellationToken), next);
    }

    /// <summary>The responses of a page's rows, with the children of all of them read in one command.</summary>
    private async Task<IReadOnlyList<ItemResponse>> ResponsesAsync(IReadOnlyList<ItemRow> rows, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return [];
        return await db.QueryMultipleAsync(ItemReadSql.ChildrenOfItems, new { Ids = db.IdList(rows.Select(r => r.Id)) },
            async results =>
            {
                var children = await Children.ReadAsync(results);
                return rows.Select(row => children.ResponseOf(row, calendar, today)).ToList();
            }, cancellationToken);
    }

    /// <summary>The result sets of <see cref="ItemReadSql.ChildrenOfItems"/>, by item id.</summary>
    private sealed record Children(ILookup<Guid, ItemUnit> Units, ILookup<Guid, ExternalRef> Refs)
    {
        public static async Task<Children> ReadAsync(SqlMapper.GridReader results) => new(
            (await results.ReadAsync<UnitRow>()).ToLookup(u => u.ItemId, u => u.ToItemUnit()),
            (await results.ReadAsync<RefRow>()).ToLookup(r => r.ItemId, r => r.ToRef()));

        public ItemResponse ResponseOf(ItemRow row, OfficeCalendar calendar, DateOnly today) =>
            row.ToResponse(Units[row.Id], Refs[row.Id], calendar, today);
    }

    /// <summary>The keyset position: the sort order, the last item's key in that order, and its sequence number.</summary>
    private sealed record ItemCursor(string Sort, long Seq, DateOnly? DueDate = null, DateTimeOffset? UpdatedAt = null,
        string? Code = null)
    {
        public static ItemCursor After(ItemSort sort, string sortName, ItemRow row) => sort switch
        {
            ItemSort.DueDate => new(sortName, row.Seq, DueDate: row.DueSortKey),
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
}
