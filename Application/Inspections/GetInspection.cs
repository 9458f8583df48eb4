using Mediator;

namespace Rectify.Application.Inspections;

public sealed record GetInspectionQuery(Guid Id) : IQuery<InspectionResponse>;

public sealed class GetInspectionHandler(IInspectionStore inspections) : IQueryHandler<GetInspectionQuery, InspectionResponse>
{
    public async ValueTask<InspectionResponse> Handle(GetInspectionQuery query, CancellationToken cancellationToken) =>
        InspectionResponse.From(await inspections.GetAsync(query.Id, cancellationToken));
}
