using FluentValidation;
using Mediator;
using Rectify.Application.Common.Paging;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

public sealed record ListInspectionsQuery(InspectionKind? Kind, int? Year, string? Q, int Limit, string? Cursor)
    : IQuery<Page<InspectionResponse>>;

public sealed class ListInspectionsValidator : AbstractValidator<ListInspectionsQuery>
{
    public ListInspectionsValidator()
    {
        RuleFor(x => x.Limit).ValidLimit();
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

public sealed class ListInspectionsHandler(IInspectionStore inspections)
    : IQueryHandler<ListInspectionsQuery, Page<InspectionResponse>>
{
    public async ValueTask<Page<InspectionResponse>> Handle(ListInspectionsQuery query, CancellationToken cancellationToken) =>
        (await inspections.ListAsync(new InspectionFilter(query.Kind, query.Year, query.Q), query.Limit, query.Cursor,
            cancellationToken)).Map(InspectionResponse.From);
}
