using Rectify.Application.Common.Paging;
using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class ProgressStore(DbSession db) : IProgressStore
{
    public async Task InsertAsync(ProgressReport report, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(ProgressSql.Insert, new
        {
            report.Id, report.ItemId, report.ReportedOn, report.Summary,
            ProgressStatus = EnumText<ProgressStatus>.Of(report.ProgressStatus),
            ScheduleStatus = report.ScheduleStatus is { } s ? EnumText<ScheduleStatus>.Of(s) : null,
            report.QuantityDone, report.Obstacles, Evidence = JsonColumn.Write(report.Evidence), report.ReportedBy,
            report.CreatedAt,
        }, cancellationToken);

    public async Task<Page<ProgressReport>> ListAsync(Guid itemId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<SeqKey>(cursor) ?? SeqKey.Start;
        var rows = await db.QueryAsync<ReportRow>(db.Pick(ProgressSql.List),
            new { ItemId = itemId, AfterSeq = after.Seq, Limit = limit + 1 }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToReport());
    }

    private sealed class ReportRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public Guid ItemId { get; init; }
        public DateOnly ReportedOn { get; init; }
        public string Summary { get; init; } = "";
        public string ProgressStatus { get; init; } = "";
        public string? ScheduleStatus { get; init; }
        public decimal? QuantityDone { get; init; }
        public string? Obstacles { get; init; }
        public string Evidence { get; init; } = "[]";
        public string ReportedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public ProgressReport ToReport() => new(Id, ItemId, ReportedOn, Summary,
            EnumText<ProgressStatus>.Parse(ProgressStatus),
            ScheduleStatus is null ? null : EnumText<ScheduleStatus>.Parse(ScheduleStatus),
            QuantityDone, Obstacles, JsonColumn.Read<List<Evidence>>(Evidence), ReportedBy, CreatedAt);
    }
}
