using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Common;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Application.Statistics;

public enum StatisticsGroupBy
{
    Inspection,
    Unit,
    Category,
    Status,
}

/// <summary>
/// Counts and rates over the items the caller may see, grouped one way, plus the total. <c>groupBy=unit</c> groups
/// by the units holding the lead (牵头) or responsible (责任) role, so an item with both counts in both groups and
/// the groups do not add up to the total; with <c>rollUp</c> each unit also counts the items of the units below it
/// (each item once), and the units above the holders get a group too. <c>groupBy=status</c> groups by progress status.
/// </summary>
public sealed record GetStatisticsQuery(
    StatisticsGroupBy? GroupBy,
    Guid? InspectionId = null,
    Guid? UnitId = null,
    bool IncludeSubUnits = false,
    DateOnly? AsOf = null,
    bool RollUp = false) : IQuery<StatisticsResponse>;

/// <param name="AsOf">The day overdue and due-by-year-end are judged on; today in the office's time zone by default.</param>
public sealed record StatisticsResponse(
    StatisticsGroupBy GroupBy,
    DateOnly AsOf,
    IReadOnlyList<StatisticsGroup> Groups,
    StatisticsCounts Total);

public sealed class GetStatisticsValidator : AbstractValidator<GetStatisticsQuery>
{
    public GetStatisticsValidator()
    {
        RuleFor(x => x.GroupBy).NotNull().WithMessage("groupBy is one of: inspection, unit, category, status.").IsInEnum();
        RuleFor(x => x.RollUp).Equal(false).When(x => x.GroupBy != StatisticsGroupBy.Unit)
            .WithMessage("rollUp applies only to groupBy=unit.");
        RuleFor(x => x.IncludeSubUnits).Equal(false).When(x => x.UnitId is null)
            .WithMessage("includeSubUnits needs unitId.");
    }
}

public sealed class GetStatisticsHandler(
    IStatisticsStore statistics, IUnitStore units, IInspectionStore inspections, ItemAccess access, OfficeCalendar calendar)
    : IQueryHandler<GetStatisticsQuery, StatisticsResponse>
{
    public async ValueTask<StatisticsResponse> Handle(GetStatisticsQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? calendar.Today;
        if (query.InspectionId is { } inspectionId && await inspections.FindAsync(inspectionId, cancellationToken) is null)
            throw InvalidField.Because("inspectionId", $"Inspection '{inspectionId}' does not exist.");
        string? unitPattern = null;
        if (query.UnitId is { } unitId)
        {
            var unit = await units.FindAsync(unitId, cancellationToken)
                       ?? throw InvalidField.Because("unitId", $"Unit '{unitId}' does not exist.");
            if (query.IncludeSubUnits)
                unitPattern = unit.SubtreePattern;
        }

        var scopePattern = await access.ScopePatternAsync(cancellationToken);
        var criteria = new StatisticsCriteria(query.InspectionId, query.UnitId, unitPattern, scopePattern);
        var items = await statistics.ListItemsAsync(criteria, cancellationToken);

        var groups = query.GroupBy!.Value switch
        {
            StatisticsGroupBy.Inspection => items.GroupBy(i => i.InspectionId)
                .Select(g => Group(g.Key.ToString(), g.First().InspectionTitle, g.ToList(), asOf))
                .OrderBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList(),
            StatisticsGroupBy.Category => items.GroupBy(i => i.Category).OrderBy(g => g.Key)
                .Select(g => Group(Words.Of(g.Key), Words.Of(g.Key), g.ToList(), asOf))
                .ToList(),
            StatisticsGroupBy.Status => items.GroupBy(i => i.ProgressStatus).OrderBy(g => g.Key)
                .Select(g => Group(Words.Of(g.Key), Words.Of(g.Key), g.ToList(), asOf))
                .ToList(),
            _ => await ByUnitAsync(items, criteria, query.RollUp, scopePattern, asOf, cancellationToken),
        };
        return new StatisticsResponse(query.GroupBy.Value, asOf, groups, StatisticsCounts.Of(items, asOf));
    }

    private async Task<List<StatisticsGroup>> ByUnitAsync(IReadOnlyList<StatisticsItem> items, StatisticsCriteria criteria,
        bool rollUp, string? scopePattern, DateOnly asOf, CancellationToken cancellationToken)
    {
        var itemsById = items.ToDictionary(i => i.ItemId);
        // Read separately from the items: an assignment of an item created in between is simply not counted.
        var holders = (await statistics.ListAssignmentsAsync(criteria, cancellationToken))
            .Where(a => a.Role is UnitRole.Lead or UnitRole.Responsible && itemsById.ContainsKey(a.ItemId))
            .ToList();
        var unitsById = (await units.FindManyAsync(holders.Select(a => a.UnitId).Distinct().ToList(), cancellationToken))
            .ToDictionary(u => u.Id);
        // A unit-bound key gets groups only for units within its reach: outside it sees only part of the picture,
        // and a figure labelled with another unit's name would misstate that unit.
        var scopePath = scopePattern?.TrimEnd('%');
        bool WithinReach(OrgUnit unit) => scopePath is null || unit.Path.StartsWith(scopePath, StringComparison.Ordinal);
        var grouped = unitsById.Values.Where(WithinReach).Select(u => u.Id).ToHashSet();

        if (rollUp)
        {
            var above = unitsById.Values.SelectMany(u => PathIds(u.Path)).Where(id => !unitsById.ContainsKey(id)).Distinct().ToList();
            foreach (var unit in await units.FindManyAsync(above, cancellationToken))
            {
                unitsById[unit.Id] = unit;
                if (WithinReach(unit))
                    grouped.Add(unit.Id);
            }
        }

        var itemsOf = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var assignment in holders)
        {
            if (!unitsById.TryGetValue(assignment.UnitId, out var holder))
                continue;
            var counted = (rollUp ? PathIds(holder.Path) : [holder.Id]).Where(grouped.Contains);
            foreach (var unitId in counted)
            {
                if (!itemsOf.TryGetValue(unitId, out var set))
                    itemsOf[unitId] = set = [];
                set.Add(assignment.ItemId);
            }
        }

        return itemsOf.Keys.Select(id => unitsById[id]).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => Group(u.Id.ToString(), u.Name, itemsOf[u.Id].Select(id => itemsById[id]).ToList(), asOf))
            .ToList();
    }

    /// <summary>The ids on a unit's path, from the root down to the unit itself.</summary>
    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Guid.ParseExact(segment, "N"));

    private static StatisticsGroup Group(string key, string label, IReadOnlyCollection<StatisticsItem> items, DateOnly asOf) =>
        new(key, label, StatisticsCounts.Of(items, asOf));

}
