using Rectify.Domain.Items;

namespace Rectify.Application.Statistics;

/// <summary>
/// The units holding the lead or responsible role on an item, as the one text statistics group items by: the ids in
/// lower case, in ordinal order, comma-separated, so the same units always give the same key. The item's save writes
/// it to Items.Holders; migration 0012_add_item_counters backfills existing rows with the same key.
/// </summary>
public static class HolderSet
{
    public static string Key(IEnumerable<ItemUnit> units) =>
        string.Join(',', units.Where(u => u.Role is UnitRole.Lead or UnitRole.Responsible)
            .Select(u => u.UnitId.ToString("D")).Order(StringComparer.Ordinal));

    public static IReadOnlyList<Guid> Parse(string? key) =>
        string.IsNullOrEmpty(key) ? [] : key.Split(',').Select(Guid.Parse).ToList();
}
