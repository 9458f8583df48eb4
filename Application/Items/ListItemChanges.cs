using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Items;

/// <summary>
/// The change feed: items in the order their latest change committed, each as GET shows it. Following the tokens
/// never skips a committed change (docs/decisions/0005); an item changed again comes again, later.
/// </summary>
public sealed record ListItemChangesQuery(string? After = null, int Limit = Cursor.DefaultLimit) : IQuery<ItemChangesResponse>;

/// <summary>One page of the feed. <see cref="NextToken"/> is always set: the position after the last item, or the
/// token sent when nothing is new, so a poller keeps it and sends it as <c>after</c> next time.</summary>
public sealed record ItemChangesResponse(IReadOnlyList<ItemResponse> Items, string NextToken);

public sealed class ListItemChangesValidator : AbstractValidator<ListItemChangesQuery>
{
    public ListItemChangesValidator() => RuleFor(x => x.Limit).ValidLimit();
}

public sealed class ListItemChangesHandler(IItemQueries items, ItemAccess access)
    : IQueryHandler<ListItemChangesQuery, ItemChangesResponse>
{
    public async ValueTask<ItemChangesResponse> Handle(ListItemChangesQuery query, CancellationToken cancellationToken) =>
        await items.ListChangesAsync(await access.ScopePatternAsync(cancellationToken), query.After, query.Limit,
            cancellationToken);
}
