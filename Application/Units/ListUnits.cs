using Rectify.Application.Access;
using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;

namespace Rectify.Application.Units;

public sealed record ListUnitsQuery(Guid? ParentId, bool? Active, string? Q, int Limit, string? Cursor)
    : IQuery<Page<UnitResponse>>;

public sealed class ListUnitsValidator : AbstractValidator<ListUnitsQuery>
{
    public ListUnitsValidator()
    {
        RuleFor(x => x.Limit).ValidLimit();
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

public sealed class ListUnitsHandler(IUnitStore units, AccessPolicy access) : IQueryHandler<ListUnitsQuery, Page<UnitResponse>>
{
    public async ValueTask<Page<UnitResponse>> Handle(ListUnitsQuery query, CancellationToken cancellationToken)
    {
        var page = await units.ListAsync(new UnitFilter(query.ParentId, query.Active, query.Q,
            await access.UnitVisibilityAsync(cancellationToken)), query.Limit,
            query.Cursor, cancellationToken);
        return page.Map(UnitResponse.From);
    }
}
