using Rectify.Domain.Items;
using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Items;

public sealed record ListProgressQuery(Guid ItemId, int Limit, string? Cursor) : IQuery<Page<ProgressReport>>;

public sealed class ListProgressValidator : AbstractValidator<ListProgressQuery>
{
    public ListProgressValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListProgressHandler(IProgressStore reports, ItemAccess access) : IQueryHandler<ListProgressQuery, Page<ProgressReport>>
{
    public async ValueTask<Page<ProgressReport>> Handle(ListProgressQuery query, CancellationToken cancellationToken)
    {
        await access.EnsureVisibleAsync(query.ItemId, cancellationToken);
        return await reports.ListAsync(query.ItemId, query.Limit, query.Cursor, cancellationToken);
    }
}
