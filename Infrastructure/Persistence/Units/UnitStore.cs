using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Units;
using Rectify.Domain.Units;

namespace Rectify.Infrastructure.Persistence.Units;

internal sealed class UnitStore(DbSession db) : IUnitStore
{
    public string EntityType => "unit";

    public async Task<OrgUnit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<UnitRow>(UnitSql.FindById, new { Id = id }, cancellationToken))?.ToUnit();

    public async Task<OrgUnit?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<UnitRow>(db.Pick(UnitSql.FindByIdForUpdate), new { Id = id }, cancellationToken))?.ToUnit();

    /// <summary>In batches: SQL Server takes at most 2,100 parameters in one statement.</summary>
    public async Task<IReadOnlyList<OrgUnit>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var units = new List<OrgUnit>(ids.Count);
        foreach (var batch in ids.Chunk(1000))
            units.AddRange((await db.QueryAsync<UnitRow>(UnitSql.FindByIds, new { Ids = db.IdList(batch) }, cancellationToken))
                .Select(r => r.ToUnit()));
        return units;
    }

    public async Task<bool> CodeExistsAsync(string code, Guid? exceptId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(UnitSql.CodeExists, new { Code = code, ExceptId = exceptId }, cancellationToken) > 0;

    public async Task<Page<OrgUnit>> ListAsync(UnitFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<UnitRow>(db.Pick(UnitSql.List), new
        {
            AfterSeq = after.Seq,
            filter.ParentId,
            filter.Active,
            Pattern = SqlText.ContainsPattern(filter.Q),
            Subtree = filter.Visible?.SubtreePattern,
            Ancestors = db.IdList(filter.Visible?.AncestorIds ?? []),
            Limit = limit + 1,
        }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToUnit());
    }

    public async Task<IReadOnlyList<OrgUnit>> ListDescendantsAsync(OrgUnit unit, CancellationToken cancellationToken) =>
        (await db.QueryAsync<UnitRow>(UnitSql.Descendants, new { unit.Id, Pattern = unit.SubtreePattern },
            cancellationToken)).Select(r => r.ToUnit()).ToList();

    public async Task WriteAsync(OrgUnit unit, CancellationToken cancellationToken)
    {
        if (unit.IsNew)
            await db.ExecuteAsync(UnitSql.Insert, Parameters(unit), cancellationToken);
        else if (await db.ExecuteAsync(UnitSql.Update, Parameters(unit), cancellationToken) == 0)
            throw new StaleVersionException("Unit", unit.Id);
    }

    private static object Parameters(OrgUnit unit) => new
    {
        unit.Id, unit.Code, unit.Name, Kind = EnumText<UnitKind>.Of(unit.Kind), unit.ParentId, unit.Path,
        unit.ContactName, unit.ContactPhone, unit.Active, unit.Version, PreviousVersion = unit.Version - 1,
        unit.CreatedAt, unit.UpdatedAt,
    };

    private sealed class UnitRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public Guid? ParentId { get; init; }
        public string Path { get; init; } = "";
        public string? ContactName { get; init; }
        public string? ContactPhone { get; init; }
        public bool Active { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public OrgUnit ToUnit() => OrgUnit.Restore(Id, Code, Name, EnumText<UnitKind>.Parse(Kind), ParentId, Path,
            ContactName, ContactPhone, Active, Version, CreatedAt, UpdatedAt);
    }
}
