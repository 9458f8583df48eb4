using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Reports;

/// <summary>A stored run and its JSON document (decompressed as it is read). Office keys only, like the list.</summary>
public sealed record GetReportRunQuery(Guid Id) : IQuery<ReportRunContent>;

public sealed record ReportRunContent(ReportRunResponse Run, Stream Json)
{
    /// <summary>Such as overdue-2026-11-28.xlsx.</summary>
    public string FileName(string extension) => $"{Domain.Common.Words.Of(Run.Kind)}-{Run.Period.Replace(":", "")}.{extension}";
}

public sealed class GetReportRunHandler(IReportRunStore runs, AccessPolicy access) : IQueryHandler<GetReportRunQuery, ReportRunContent>
{
    public async ValueTask<ReportRunContent> Handle(GetReportRunQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureOfficeAsync("Report runs", cancellationToken);
        var run = await runs.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Report run", query.Id);
        var json = await runs.OpenContentAsync(query.Id, cancellationToken) ?? throw new NotFoundException("Report run", query.Id);
        return new ReportRunContent(run, json);
    }
}
