using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Common.Paging;
using Rectify.Application.Units;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

/// <summary>
/// The ledger, filtered. <c>updatedSince</c> is a simple filter on the stamped instant; integrating systems pull every
/// change from the change feed (<see cref="ListItemChangesQuery"/>).
/// </summary>
public sealed record ListItemsQuery(
    Guid? InspectionId = null,
    InspectionKind? InspectionKind = null,
    Guid? UnitId = null,
    bool IncludeSubUnits = false,
    ProgressStatus? ProgressStatus = null,
    SignOffStatus? SignOffStatus = null,
    ItemCategory? Category = null,
    bool? Overdue = null,
    WarningLevel? WarningLevel = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    bool? IsKey = null,
    string? Q = null,
    DateTimeOffset? UpdatedSince = null,
    ItemSort Sort = ItemSort.Created,
    int Limit = Cursor.DefaultLimit,
    string? Cursor = null) : IQuery<Page<ItemResponse>>;

public sealed class ListItemsValidator : AbstractValidator<ListItemsQuery>
{
    public ListItemsValidator()
    {
        RuleFor(x => x.Limit).ValidLimit();
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.DueFrom).BusinessDate();
        RuleFor(x => x.DueTo).BusinessDate();
        RuleFor(x => x.DueTo).GreaterThanOrEqualTo(x => x.DueFrom).When(x => x.DueFrom is not null && x.DueTo is not null)
            .WithMessage("dueTo is on or after dueFrom.");
        RuleFor(x => x.Sort).IsInEnum();
    }
}

public sealed class ListItemsHandler(IItemQueries items, ItemListFilter filter)
    : IQueryHandler<ListItemsQuery, Page<ItemResponse>>
{
    public async ValueTask<Page<ItemResponse>> Handle(ListItemsQuery query, CancellationToken cancellationToken) =>
        await items.ListAsync(await filter.CriteriaAsync(query, cancellationToken), query.Limit, query.Cursor, cancellationToken);
}

/// <summary>The list's filters resolved for a read: the subtree of unitId, the caller's scope, today's warning dates.</summary>
public sealed class ItemListFilter(IUnitStore units, ItemAccess access, OfficeCalendar calendar)
{
    public async Task<ItemListCriteria> CriteriaAsync(ListItemsQuery query, CancellationToken cancellationToken)
    {
        string? unitPattern = null;
        if (query.UnitId is { } unitId && query.IncludeSubUnits)
            unitPattern = (await units.FindAsync(unitId, cancellationToken)
                           ?? throw InvalidField.Because("unitId", $"Unit '{unitId}' does not exist.")).SubtreePattern;

        var today = calendar.Today;
        return new ItemListCriteria(query.InspectionId, query.InspectionKind, query.UnitId, unitPattern,
            query.ProgressStatus, query.SignOffStatus, query.Category, query.Overdue, query.WarningLevel, query.DueFrom,
            query.DueTo, query.IsKey, query.Q, query.UpdatedSince, query.Sort, await access.ScopePatternAsync(cancellationToken),
            today, today.AddDays(calendar.Thresholds.YellowDays), today.AddDays(calendar.Thresholds.BlueDays));
    }
}
