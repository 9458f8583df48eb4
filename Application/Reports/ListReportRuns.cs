using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Reports;

/// <summary>Stored runs, newest first. Runs are office-wide documents, so only office keys list them.</summary>
public sealed record ListReportRunsQuery(ReportKind? Kind, int Limit, string? Cursor) : IQuery<Page<ReportRunResponse>>;

public sealed class ListReportRunsValidator : AbstractValidator<ListReportRunsQuery>
{
    public ListReportRunsValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListReportRunsHandler(IReportRunStore runs, AccessPolicy access)
    : IQueryHandler<ListReportRunsQuery, Page<ReportRunResponse>>
{
    public async ValueTask<Page<ReportRunResponse>> Handle(ListReportRunsQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureOfficeAsync("Report runs", cancellationToken);
        return await runs.ListAsync(query.Kind, query.Limit, query.Cursor, cancellationToken);
    }
}
