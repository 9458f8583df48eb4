using Rectify.Application.Statistics;
using Rectify.Domain.Inspections;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Statistics;

internal sealed class StatisticsStore(DbSession db) : IStatisticsStore
{
    public async Task<IReadOnlyList<StatisticsItem>> ListItemsAsync(StatisticsCriteria criteria, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ItemRow>(StatisticsSql.Items, Parameters(criteria), cancellationToken))
        .Select(r => r.ToItem())
        .ToList();

    public async Task<IReadOnlyList<StatisticsAssignment>> ListAssignmentsAsync(StatisticsCriteria criteria,
        CancellationToken cancellationToken) =>
        (await db.QueryAsync<AssignmentRow>(StatisticsSql.Assignments, Parameters(criteria), cancellationToken))
        .Select(r => new StatisticsAssignment(r.ItemId, r.UnitId, EnumText<UnitRole>.Parse(r.Role)))
        .ToList();

    private static object Parameters(StatisticsCriteria criteria) => new
    {
        criteria.ScopePattern,
        criteria.InspectionId,
        criteria.UnitId,
        criteria.UnitPattern,
    };

    private sealed class AssignmentRow
    {
        public Guid ItemId { get; init; }
        public Guid UnitId { get; init; }
        public string Role { get; init; } = "";
    }

    private sealed class ItemRow
    {
        public Guid Id { get; init; }
        public Guid InspectionId { get; init; }
        public string InspectionTitle { get; init; } = "";
        public string InspectionKind { get; init; } = "";
        public string Category { get; init; } = "";
        public string? Aspect { get; init; }
        public string ProgressStatus { get; init; } = "";
        public string SignOffStatus { get; init; } = "";
        public DateOnly? DueDate { get; init; }
        public DateOnly? OriginalDueDate { get; init; }
        public int RecurrenceCount { get; init; }
        public int MeasuresTotal { get; init; }
        public int MeasuresImplemented { get; init; }

        public StatisticsItem ToItem() => new(
            Id, InspectionId, InspectionTitle, EnumText<InspectionKind>.Parse(InspectionKind),
            EnumText<ItemCategory>.Parse(Category), Aspect, EnumText<ProgressStatus>.Parse(ProgressStatus),
            EnumText<SignOffStatus>.Parse(SignOffStatus), DueDate, OriginalDueDate, RecurrenceCount, MeasuresTotal,
            MeasuresImplemented);
    }
}
