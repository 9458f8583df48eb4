using Mediator;

namespace Rectify.Application.Items;

public sealed record GetSignOffQuery(Guid ItemId) : IQuery<SignOffResponse>;

public sealed class GetSignOffHandler(ISignOffStore signOffs, ItemAccess access) : IQueryHandler<GetSignOffQuery, SignOffResponse>
{
    public async ValueTask<SignOffResponse> Handle(GetSignOffQuery query, CancellationToken cancellationToken) =>
        await SignOffView.BuildAsync(signOffs, await access.GetAsync(query.ItemId, cancellationToken), cancellationToken);
}
