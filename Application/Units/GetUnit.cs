using Mediator;

namespace Rectify.Application.Units;

public sealed record GetUnitQuery(Guid Id) : IQuery<UnitResponse>;

public sealed class GetUnitHandler(IUnitStore units) : IQueryHandler<GetUnitQuery, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(GetUnitQuery query, CancellationToken cancellationToken) =>
        UnitResponse.From(await units.GetAsync(query.Id, cancellationToken));
}
