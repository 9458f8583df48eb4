using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Inspections;
using Rectify.Application.Items;
using Rectify.Application.Units;
using Rectify.Domain.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Statistics;

public enum StatisticsGroupBy
{
    Inspection,
    Unit,
    Category,
    Status,
}

/// <summary>The figure groups are ranked by, highest first.</summary>
public enum StatisticsSort
{
    Items,
    Completed,
    CompletionRate,
    Overdue,
    MeasureRate,
    Recurrences,
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
    bool RollUp = false,
    StatisticsSort? Sort = null) : IQuery<StatisticsResponse>;

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
        RuleFor(x => x.Sort).IsInEnum();
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
        var groupBy = query.GroupBy!.Value;
        if (groupBy == StatisticsGroupBy.Unit)
        {
            var sets = await statistics.CountHolderSetsAsync(criteria, asOf, cancellationToken);
            return new StatisticsResponse(groupBy, asOf,
                Sorted(await ByUnitAsync(sets, query.RollUp, scopePattern, cancellationToken), query.Sort),
                StatisticsTally.Of(sets.Select(s => (s.Counts, s.Aspect))));
        }

        var rows = await statistics.CountAsync(criteria, groupBy, asOf, cancellationToken);
        var groups = rows.GroupBy(r => r.Key)
            .Select(g => new StatisticsGroup(g.Key, g.First().Label, StatisticsTally.Of(g.Select(r => (r.Counts, r.Aspect)))))
            .ToList();
        var ordered = groupBy switch
        {
            StatisticsGroupBy.Inspection => groups
                .OrderBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal).ToList(),
            StatisticsGroupBy.Category => InEnumOrder<ItemCategory>(groups),
            _ => InEnumOrder<ProgressStatus>(groups),
        };
        return new StatisticsResponse(groupBy, asOf, Sorted(ordered, query.Sort),
            StatisticsTally.Of(rows.Select(r => (r.Counts, r.Aspect))));
    }

    /// <summary>Highest first; the sort is stable, so ties keep the grouping's own order (title, tree or enum order).</summary>
    private static List<StatisticsGroup> Sorted(List<StatisticsGroup> groups, StatisticsSort? sort)
    {
        Func<StatisticsGroup, decimal>? figure = sort switch
        {
            StatisticsSort.Items => g => g.Items,
            StatisticsSort.Completed => g => g.Completed,
            StatisticsSort.CompletionRate => g => g.CompletionRate,
            StatisticsSort.Overdue => g => g.Overdue,
            StatisticsSort.MeasureRate => g => g.MeasureRate,
            StatisticsSort.Recurrences => g => g.Recurrences,
            _ => null,
        };
        return figure is null ? groups : groups.OrderByDescending(figure).ToList();
    }

    private static List<StatisticsGroup> InEnumOrder<T>(List<StatisticsGroup> groups) where T : struct, Enum
    {
        var order = Enum.GetValues<T>().Select(Words.Of).ToList();
        return groups.OrderBy(g => order.IndexOf(g.Key)).ToList();
    }

    private async Task<List<StatisticsGroup>> ByUnitAsync(IReadOnlyList<HolderSetRow> sets, bool rollUp, string? scopePattern,
        CancellationToken cancellationToken)
    {
        var unitsById = (await units.FindManyAsync(sets.SelectMany(s => s.Holders).Distinct().ToList(), cancellationToken))
            .ToDictionary(u => u.Id);
        if (rollUp)
        {
            var above = unitsById.Values.SelectMany(u => u.AncestorIds).Where(id => !unitsById.ContainsKey(id)).Distinct().ToList();
            foreach (var unit in await units.FindManyAsync(above, cancellationToken))
                unitsById[unit.Id] = unit;
        }

        // A unit-bound key gets groups only for units within its reach: outside it sees only part of the picture,
        // and a figure labelled with another unit's name would misstate that unit.
        var scopePath = scopePattern?.TrimEnd('%');
        bool WithinReach(Guid unitId) => scopePath is null || unitsById[unitId].Path.StartsWith(scopePath, StringComparison.Ordinal);

        // The units a row counts under are a set: an item held by two units below one unit counts there once.
        var tallies = new Dictionary<Guid, StatisticsTally>();
        foreach (var set in sets)
        {
            var countedUnder = set.Holders.Where(unitsById.ContainsKey)
                .SelectMany(id => rollUp ? PathIds(unitsById[id].Path) : [id])
                .Distinct().Where(WithinReach);
            foreach (var unitId in countedUnder)
            {
                if (!tallies.TryGetValue(unitId, out var tally))
                    tallies[unitId] = tally = new StatisticsTally();
                tally.Add(set.Counts, set.Aspect);
            }
        }

        return tallies.Keys.Select(id => unitsById[id]).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new StatisticsGroup(u.Id.ToString(), u.Name, tallies[u.Id].Counts))
            .ToList();
    }

    /// <summary>The ids on a unit's path, from the root down to the unit itself.</summary>
    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Guid.ParseExact(segment, "N"));
}
