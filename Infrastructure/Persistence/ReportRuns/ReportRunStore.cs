using System.IO.Compression;
using System.Text.Json;
using Rectify.Application.Common;
using Rectify.Application.Common.Paging;
using Rectify.Application.Reports;

namespace Rectify.Infrastructure.Persistence.ReportRuns;

internal sealed class ReportRunStore(DbSession db) : IReportRunStore
{
    public async Task<ReportRunResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<RunRow>(ReportRunSql.FindById, new { Id = id }, cancellationToken))?.ToResponse();

    public async Task<ReportRunResponse?> FindAsync(ReportKind kind, string period, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<RunRow>(ReportRunSql.FindByPeriod,
            new { Kind = EnumText<ReportKind>.Of(kind), Period = period }, cancellationToken))?.ToResponse();

    public async Task<DateOnly?> PreviousAsOfAsync(ReportKind kind, DateOnly asOf, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<AsOfRow>(ReportRunSql.PreviousAsOf,
            new { Kind = EnumText<ReportKind>.Of(kind), AsOf = asOf }, cancellationToken))?.AsOf;

    public async Task InsertAsync(NewReportRun run, CancellationToken cancellationToken)
    {
        var r = run.Run;
        await db.ExecuteAsync(ReportRunSql.Insert, new
        {
            r.Id,
            Kind = EnumText<ReportKind>.Of(r.Kind),
            r.Period,
            r.AsOf,
            r.GeneratedAt,
            RunTrigger = EnumText<ReportRunTrigger>.Of(r.Trigger),
            r.RequestedByClientId,
            Figures = JsonSerializer.Serialize(r.Figures, ApiJson.Options),
            Content = run.CompressedContent,
            r.ContentLength,
            r.CompressedLength,
        }, cancellationToken);
    }

    public async Task<Page<ReportRunResponse>> ListAsync(ReportKind? kind, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var before = Cursor.Decode<SeqKey>(cursor) ?? new SeqKey(long.MaxValue);
        var rows = await db.QueryAsync<RunRow>(db.Pick(ReportRunSql.List), new
        {
            BeforeSeq = before.Seq,
            Kind = kind is { } k ? EnumText<ReportKind>.Of(k) : null,
            Limit = limit + 1,
        }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => new SeqKey(r.Seq)).Map(r => r.ToResponse());
    }

    public async Task<Stream?> OpenContentAsync(Guid id, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<byte[]>(ReportRunSql.Content, new { Id = id }, cancellationToken) is { } content
            ? new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress)
            : null;

    private sealed class AsOfRow
    {
        public DateOnly? AsOf { get; init; }
    }

    private sealed class RunRow
    {
        public long Seq { get; init; }
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string Period { get; init; } = "";
        public DateOnly AsOf { get; init; }
        public DateTimeOffset GeneratedAt { get; init; }
        public string RunTrigger { get; init; } = "";
        public Guid? RequestedByClientId { get; init; }
        public string Figures { get; init; } = "{}";
        public long ContentLength { get; init; }
        public long CompressedLength { get; init; }

        public ReportRunResponse ToResponse() => new(Id, EnumText<ReportKind>.Parse(Kind), Period, AsOf, GeneratedAt,
            EnumText<ReportRunTrigger>.Parse(RunTrigger), RequestedByClientId,
            JsonSerializer.Deserialize<Dictionary<string, object?>>(Figures, ApiJson.Options) ?? [], ContentLength, CompressedLength);
    }
}

internal sealed class OverdueNoticeStore(DbSession db) : IOverdueNoticeStore
{
    public async Task<IReadOnlyList<Guid>> ClaimAsync(DateOnly today, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var batchId = Guid.CreateVersion7();
        if (await db.ExecuteAsync(db.Pick(OverdueNoticeSql.Claim), new { Today = today, Now = now, BatchId = batchId, Limit = limit },
                cancellationToken) == 0)
            return [];
        return await db.QueryAsync<Guid>(OverdueNoticeSql.Claimed, new { BatchId = batchId }, cancellationToken);
    }
}
