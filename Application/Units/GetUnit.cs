using Rectify.Application.Access;
using Rectify.Application.Common.Errors;
using Mediator;

namespace Rectify.Application.Units;

public sealed record GetUnitQuery(Guid Id) : IQuery<UnitResponse>;

public sealed class GetUnitHandler(IUnitStore units, AccessPolicy access) : IQueryHandler<GetUnitQuery, UnitResponse>
{
    public async ValueTask<UnitResponse> Handle(GetUnitQuery query, CancellationToken cancellationToken)
    {
        var unit = await units.GetAsync(query.Id, cancellationToken);
        if (!await access.CanSeeAsync(unit, cancellationToken))
            throw new NotFoundException("Unit", query.Id);
        return UnitResponse.From(unit);
    }
}
