using Rectify.Infrastructure.Persistence.Items;

namespace Rectify.Infrastructure.Persistence.Statistics;

/// <summary>
/// Flat reads for the statistics; the counting is done in C#, so both statements are portable as they stand.
/// The filters are the item list's: the key's scope, the inspection, and a unit (with the units below it).
/// </summary>
internal static class StatisticsSql
{
    private const string Filter = $"""
        {ItemSql.InScope}
          AND (@InspectionId IS NULL OR i.InspectionId = @InspectionId)
          AND {ItemSql.ForUnit}
        """;

    public const string Items = $"""
        SELECT i.Id, i.InspectionId, ins.Title AS InspectionTitle, ins.Kind AS InspectionKind, i.Category, i.Aspect,
               i.ProgressStatus, i.SignOffStatus, i.DueDate, i.OriginalDueDate, i.RecurrenceCount,
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id) AS MeasuresTotal,
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id AND m.Implemented = 1) AS MeasuresImplemented
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE {Filter}
        ORDER BY i.Seq
        """;

    public const string Assignments = $"""
        SELECT iu.ItemId, iu.UnitId, iu.Role
        FROM ItemUnits iu JOIN Items i ON i.Id = iu.ItemId
        WHERE {Filter}
        """;
}
