using Microsoft.Data.Sqlite;

namespace Rectify.IntegrationTests.Statistics;

/// <summary>
/// The statistics as GetStatistics counted them in memory before the counting moved into SQL: every visible item and
/// every assignment read with the old statements, grouped and counted in C#. Kept here, and only here, as the
/// reference the SQL figures are checked against; it reads the test's SQLite file directly.
/// </summary>
internal sealed class InMemoryStatistics(string databasePath)
{
    /// <summary>One group (or the total, keyed "total") as "key|label|field=value…", in the response's order.</summary>
    public async Task<List<string>> ComputeAsync(string groupBy, Guid? inspectionId, Guid? unitId, bool includeSubUnits,
        bool rollUp, DateOnly asOf, Guid? scopeUnitId)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var units = await ReadUnitsAsync(connection);
        var unitPattern = unitId is { } id && includeSubUnits ? units[id].Path + "%" : null;
        var scopePattern = scopeUnitId is { } scope ? units[scope].Path + "%" : null;
        var parameters = new Dictionary<string, object?>
        {
            ["@ScopePattern"] = scopePattern,
            ["@InspectionId"] = inspectionId?.ToString(),
            ["@UnitId"] = unitId?.ToString(),
            ["@UnitPattern"] = unitPattern,
        };
        var items = await ReadItemsAsync(connection, parameters);

        var groups = groupBy switch
        {
            "inspection" => items.GroupBy(i => i.InspectionId)
                .Select(g => Group(g.Key.ToString(), g.First().InspectionTitle, g.ToList(), asOf))
                .OrderBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList(),
            "category" => items.GroupBy(i => i.Category).OrderBy(g => CategoryOrder.IndexOf(g.Key))
                .Select(g => Group(g.Key, g.Key, g.ToList(), asOf))
                .ToList(),
            "status" => items.GroupBy(i => i.ProgressStatus).OrderBy(g => StatusOrder.IndexOf(g.Key))
                .Select(g => Group(g.Key, g.Key, g.ToList(), asOf))
                .ToList(),
            _ => ByUnit(items, await ReadAssignmentsAsync(connection, parameters), units, rollUp, scopePattern, asOf),
        };
        return groups.Append(Group("total", "total", items, asOf)).Select(g => g.ToString()).ToList();
    }

    private static readonly List<string> CategoryOrder =
        ["air", "water", "soil", "solid_waste", "ecology", "noise", "radiation", "other"];

    private static readonly List<string> StatusOrder = ["not_started", "in_progress", "basically_completed", "completed"];

    private static List<Figures> ByUnit(List<Item> items, List<Assignment> assignments, Dictionary<Guid, Unit> units,
        bool rollUp, string? scopePattern, DateOnly asOf)
    {
        var itemsById = items.ToDictionary(i => i.Id);
        var holders = assignments.Where(a => a.Role is "lead" or "responsible" && itemsById.ContainsKey(a.ItemId)).ToList();
        var scopePath = scopePattern?.TrimEnd('%');
        bool WithinReach(Unit unit) => scopePath is null || unit.Path.StartsWith(scopePath, StringComparison.Ordinal);
        var holderUnits = holders.Select(a => units[a.UnitId]).DistinctBy(u => u.Id).ToList();
        var grouped = holderUnits.Where(WithinReach).Select(u => u.Id).ToHashSet();
        if (rollUp)
        {
            foreach (var above in holderUnits.SelectMany(u => PathIds(u.Path)).Distinct().Select(id => units[id]))
            {
                if (WithinReach(above))
                    grouped.Add(above.Id);
            }
        }

        var itemsOf = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var assignment in holders)
        {
            var holder = units[assignment.UnitId];
            foreach (var counted in (rollUp ? PathIds(holder.Path) : [holder.Id]).Where(grouped.Contains))
            {
                if (!itemsOf.TryGetValue(counted, out var set))
                    itemsOf[counted] = set = [];
                set.Add(assignment.ItemId);
            }
        }

        return itemsOf.Keys.Select(id => units[id]).OrderBy(u => u.Path, StringComparer.Ordinal)
            .Select(u => Group(u.Id.ToString(), u.Name, itemsOf[u.Id].Select(id => itemsById[id]).ToList(), asOf))
            .ToList();
    }

    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(segment => Guid.ParseExact(segment, "N"));

    /// <summary>StatisticsCounts.Of as it was.</summary>
    private static Figures Group(string key, string label, IReadOnlyCollection<Item> items, DateOnly asOf)
    {
        var yearEnd = new DateOnly(asOf.Year, 12, 31);
        var completed = items.Count(i => i.ProgressStatus == "completed");
        var measuresTotal = items.Sum(i => i.MeasuresTotal);
        var measuresImplemented = items.Sum(i => i.MeasuresImplemented);
        var open = items.Where(i => i.ProgressStatus != "completed").ToList();
        return new Figures(key, label,
        [
            ("items", items.Count),
            ("aspects", items.Select(i => i.Aspect?.Trim()).Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal).Count()),
            ("notStarted", items.Count(i => i.ProgressStatus == "not_started")),
            ("inProgress", items.Count(i => i.ProgressStatus == "in_progress")),
            ("basicallyCompleted", items.Count(i => i.ProgressStatus == "basically_completed")),
            ("completed", completed),
            ("completionRate", Percent(completed, items.Count)),
            ("dueByYearEnd", open.Count(i => i.DueDate <= yearEnd)),
            ("awaitingSignOff", items.Count(i => i.SignOffStatus == "requested")),
            ("returned", items.Count(i => i.SignOffStatus == "returned")),
            ("signedOff", items.Count(i => i.SignOffStatus == "signed_off")),
            ("overdue", open.Count(i => i.DueDate < asOf)),
            ("overdueAgainstOriginal", open.Count(i => i.OriginalDueDate < asOf)),
            ("measuresTotal", measuresTotal),
            ("measuresImplemented", measuresImplemented),
            ("measureRate", Percent(measuresImplemented, measuresTotal)),
            ("recurrences", items.Sum(i => i.RecurrenceCount)),
            ("recurredItems", items.Count(i => i.RecurrenceCount > 0)),
        ]);
    }

    private static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>The old StatisticsSql.Items and .Assignments with ItemSql.InScope and ItemSql.ForUnit written out.</summary>
    private const string Filter = """
        (@ScopePattern IS NULL OR EXISTS (
            SELECT 1 FROM ItemUnits su JOIN Units u ON u.Id = su.UnitId
            WHERE su.ItemId = i.Id AND u.Path LIKE @ScopePattern))
          AND (@InspectionId IS NULL OR i.InspectionId = @InspectionId)
          AND (@UnitId IS NULL OR EXISTS (
            SELECT 1 FROM ItemUnits fu JOIN Units u ON u.Id = fu.UnitId
            WHERE fu.ItemId = i.Id AND (fu.UnitId = @UnitId OR (@UnitPattern IS NOT NULL AND u.Path LIKE @UnitPattern))))
        """;

    private static async Task<List<Item>> ReadItemsAsync(SqliteConnection connection, Dictionary<string, object?> parameters)
    {
        var items = new List<Item>();
        await using var reader = await CommandAsync(connection, $"""
            SELECT i.Id, i.InspectionId, ins.Title, i.Category, i.Aspect, i.ProgressStatus, i.SignOffStatus, i.DueDate,
                   i.OriginalDueDate, i.RecurrenceCount,
                   (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id),
                   (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id AND m.Implemented = 1)
            FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
            WHERE {Filter}
            ORDER BY i.Seq
            """, parameters);
        while (await reader.ReadAsync())
        {
            items.Add(new Item(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6),
                Date(reader, 7), Date(reader, 8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11)));
        }
        return items;
    }

    private static async Task<List<Assignment>> ReadAssignmentsAsync(SqliteConnection connection, Dictionary<string, object?> parameters)
    {
        var assignments = new List<Assignment>();
        await using var reader = await CommandAsync(connection, $"""
            SELECT iu.ItemId, iu.UnitId, iu.Role
            FROM ItemUnits iu JOIN Items i ON i.Id = iu.ItemId
            WHERE {Filter}
            """, parameters);
        while (await reader.ReadAsync())
            assignments.Add(new Assignment(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2)));
        return assignments;
    }

    private static async Task<Dictionary<Guid, Unit>> ReadUnitsAsync(SqliteConnection connection)
    {
        var units = new Dictionary<Guid, Unit>();
        await using var reader = await CommandAsync(connection, "SELECT Id, Name, Path FROM Units", new Dictionary<string, object?>());
        while (await reader.ReadAsync())
        {
            var unit = new Unit(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2));
            units[unit.Id] = unit;
        }
        return units;
    }

    private static async Task<SqliteDataReader> CommandAsync(SqliteConnection connection, string sql, Dictionary<string, object?> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteReaderAsync();
    }

    private static DateOnly? Date(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateOnly.Parse(reader.GetString(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Item(Guid Id, Guid InspectionId, string InspectionTitle, string Category, string? Aspect,
        string ProgressStatus, string SignOffStatus, DateOnly? DueDate, DateOnly? OriginalDueDate, int RecurrenceCount,
        int MeasuresTotal, int MeasuresImplemented);

    private sealed record Assignment(Guid ItemId, Guid UnitId, string Role);

    private sealed record Unit(Guid Id, string Name, string Path);

    private sealed record Figures(string Key, string Label, (string Name, decimal Value)[] Values)
    {
        public override string ToString() =>
            $"{Key}|{Label}|{string.Join('|', Values.Select(v => $"{v.Name}={v.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}"))}";
    }
}
