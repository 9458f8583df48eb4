using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Inspections;
using Rectify.Domain.Inspections;

namespace Rectify.Infrastructure.Persistence.Inspections;

internal sealed class InspectionStore(DbSession db) : IInspectionStore
{
    public string EntityType => "inspection";

    public async Task<Inspection?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<InspectionRow>(InspectionSql.FindById, new { Id = id }, cancellationToken))?.ToInspection();

    public async Task<Page<Inspection>> ListAsync(InspectionFilter filter, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<InspectionRow>(db.Pick(InspectionSql.List), new
        {
            AfterSeq = after.Seq,
            Kind = filter.Kind is { } kind ? EnumText<InspectionKind>.Of(kind) : null,
            filter.Year,
            Pattern = SqlText.ContainsPattern(filter.Q),
            Limit = limit + 1,
        }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToInspection());
    }

    public async Task WriteAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        if (inspection.IsNew)
            await db.ExecuteAsync(InspectionSql.Insert, Parameters(inspection), cancellationToken);
        else if (await db.ExecuteAsync(InspectionSql.Update, Parameters(inspection), cancellationToken) == 0)
            throw new StaleVersionException("Inspection", inspection.Id);
    }

    public async Task<int> CountItemsUnderReviewAsync(Guid inspectionId, CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>(InspectionSql.CountItemsUnderReview, new { InspectionId = inspectionId }, cancellationToken);

    private static object Parameters(Inspection i) => new
    {
        i.Id, Kind = EnumText<InspectionKind>.Of(i.Kind), Level = EnumText<InspectionLevel>.Of(i.Level), i.Title, i.Round,
        i.Batch, i.TeamName, i.Year, i.FeedbackDate, i.PlanDueDate, i.DocumentNumber,
        SignOffSteps = JsonColumn.Write(i.SignOffSteps), i.Version, PreviousVersion = i.Version - 1, i.CreatedAt, i.UpdatedAt,
    };

    private sealed class InspectionRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string Level { get; init; } = "";
        public string Title { get; init; } = "";
        public int? Round { get; init; }
        public int? Batch { get; init; }
        public string? TeamName { get; init; }
        public int Year { get; init; }
        public DateOnly? FeedbackDate { get; init; }
        public DateOnly? PlanDueDate { get; init; }
        public string? DocumentNumber { get; init; }
        public string SignOffSteps { get; init; } = "[]";
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public Inspection ToInspection() => Inspection.Restore(Id, EnumText<InspectionKind>.Parse(Kind),
            EnumText<InspectionLevel>.Parse(Level), Title, Round, Batch, TeamName, Year, FeedbackDate, PlanDueDate,
            DocumentNumber, JsonColumn.Read<List<string>>(SignOffSteps), Version, CreatedAt, UpdatedAt);
    }
}
