namespace Rectify.Application.Reports;

/// <param name="Depth">0 for a root unit.</param>
/// <param name="Own">The unit's own counts.</param>
/// <param name="Subtree">The unit's counts and those of every unit below it.</param>
public sealed record RolledUpUnit(ReportUnit Unit, int Depth, int[] Own, int[] Subtree);

/// <summary>
/// Counts per unit rolled up the unit tree in memory (units are few): each unit's subtree figures are its own plus those
/// of the units below it. The counts must be of disjoint sets (one lead per item), so the sums count each item once.
/// </summary>
public static class UnitRollup
{
    /// <summary>The units with a non-zero subtree count, in path order (a unit before the units below it).</summary>
    public static IReadOnlyList<RolledUpUnit> Of(IReadOnlyList<ReportUnit> units, IReadOnlyDictionary<Guid, int[]> own,
        int width)
    {
        var byId = units.ToDictionary(u => u.Id);
        var subtree = new Dictionary<Guid, int[]>();
        foreach (var (unitId, counts) in own)
        {
            if (!byId.TryGetValue(unitId, out var unit))
                continue;
            foreach (var id in PathIds(unit.Path).Where(byId.ContainsKey))
            {
                if (!subtree.TryGetValue(id, out var sums))
                    subtree[id] = sums = new int[width];
                for (var i = 0; i < width; i++)
                    sums[i] += counts[i];
            }
        }

        return units.Where(u => subtree.TryGetValue(u.Id, out var sums) && sums.Any(n => n != 0))
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => new RolledUpUnit(u, PathIds(u.Path).Count() - 1, own.GetValueOrDefault(u.Id) ?? new int[width],
                subtree[u.Id]))
            .ToList();
    }

    /// <summary>The ids on a unit's path, from the root down to the unit itself.</summary>
    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Guid.ParseExact(segment, "N"));
}
