using FluentValidation;
using Mediator;
using Rectify.Application.Access;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Inspections;
using Rectify.Application.Units;

namespace Rectify.Application.Reports;

/// <summary>
/// A report made now over the items the caller may see (a unit key: its subtree's). <paramref name="AsOf"/> defaults to
/// today in the office's zone; <paramref name="Since"/> (progress only) to a week before it.
/// </summary>
public sealed record GetReportQuery(ReportKind Kind, ReportFormat? Format, DateOnly? AsOf = null, Guid? InspectionId = null,
    Guid? UnitId = null, DateOnly? Since = null) : IQuery<ReportDocument>;

public sealed class GetReportValidator : AbstractValidator<GetReportQuery>
{
    public GetReportValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.AsOf).BusinessDate();
        RuleFor(x => x.Since).BusinessDate();
        RuleFor(x => x.Since).Null().When(x => x.Kind != ReportKind.Progress)
            .WithMessage("since applies only to the progress report.");
        RuleFor(x => x.Since).LessThan(x => x.AsOf).When(x => x.Since is not null && x.AsOf is not null)
            .WithMessage("since is a day before asOf.");
    }
}

public sealed class GetReportHandler(IReportBuilder builder, IUnitStore units, IInspectionStore inspections,
    AccessPolicy policy, OfficeCalendar calendar) : IQueryHandler<GetReportQuery, ReportDocument>
{
    public async ValueTask<ReportDocument> Handle(GetReportQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? calendar.Today;
        if (query.Since >= asOf)
            throw InvalidField.Because("since", "since is a day before asOf.");
        if (query.InspectionId is { } inspectionId && await inspections.FindAsync(inspectionId, cancellationToken) is null)
            throw new NotFoundException("Inspection", inspectionId);
        if (query.UnitId is { } unitId &&
            (await units.FindAsync(unitId, cancellationToken) is not { } unit || !await policy.CanSeeAsync(unit, cancellationToken)))
            throw new NotFoundException("Unit", unitId);

        var since = query.Kind == ReportKind.Progress ? query.Since ?? asOf.AddDays(-7) : (DateOnly?)null;
        return await builder.BuildAsync(new ReportRequest(query.Kind, asOf, query.InspectionId, query.UnitId,
            await policy.ItemScopeAsync(cancellationToken), since), cancellationToken);
    }
}
