using Mediator;
using Rectify.Application.Common.Errors;

namespace Rectify.Application.Items;

public sealed record GetSignOffQuery(Guid ItemId) : IQuery<SignOffResponse>;

public sealed class GetSignOffHandler(ISignOffStore signOffs, ItemAccess access, IItemQueries queries)
    : IQueryHandler<GetSignOffQuery, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(GetSignOffQuery query, CancellationToken cancellationToken)
    {
        var state = await queries.FindSignOffStateAsync(query.ItemId, await access.ScopePatternAsync(cancellationToken),
            cancellationToken) ?? throw new NotFoundException("Item", query.ItemId);
        return await SignOffView.BuildAsync(signOffs, state, cancellationToken);
    }
}
