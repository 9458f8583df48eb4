using System.Globalization;
using Rectify.Application.Reports;

namespace Rectify.Infrastructure.Persistence.Reports;

internal sealed class ReportStore(DbSession db) : IReportStore
{
    public Task<IReadOnlyList<ReportUnit>> UnitsAsync(CancellationToken cancellationToken) =>
        db.QueryAsync<ReportUnit>(ReportSql.Units, null, cancellationToken);

    public Task<IReadOnlyList<ReportInspection>> InspectionsAsync(CancellationToken cancellationToken) =>
        db.QueryAsync<ReportInspection>(ReportSql.Inspections, null, cancellationToken);

    public IAsyncEnumerable<DeadlineRow> ListDeadlinesAsync(ReportCriteria criteria, DeadlineWindow window, bool overdue,
        CancellationToken cancellationToken) =>
        db.StreamAsync<DeadlineRow>(Statement(overdue ? ReportSql.OverdueItems : ReportSql.DueSoonItems, criteria),
            Parameters(criteria, Window(window)), cancellationToken);

    public Task<IReadOnlyList<LeadDeadlineCounts>> CountDeadlinesByLeadAsync(ReportCriteria criteria, DeadlineWindow window,
        CancellationToken cancellationToken) =>
        db.QueryAsync<LeadDeadlineCounts>(Statement(ReportSql.DeadlinesByLead, criteria), Parameters(criteria, Window(window)),
            cancellationToken);

    private static object Window(DeadlineWindow window) => new { Today = window.AsOf, BlueDate = window.LastSoonDay };

    public Task<IReadOnlyList<InspectionChanges>> CountChangesAsync(ReportCriteria criteria, ChangeWindow window,
        CancellationToken cancellationToken) =>
        db.QueryAsync<InspectionChanges>(Statement(ReportSql.ChangesByInspection, criteria),
            Parameters(criteria, new { window.From, window.Until, window.SinceDay, Today = window.AsOf }), cancellationToken);

    public Task<IReadOnlyList<RankingCounts>> CountRankingAsync(ReportCriteria criteria, DateOnly asOf, TimeSpan officeOffset,
        CancellationToken cancellationToken)
    {
        var minutes = (int)officeOffset.TotalMinutes;
        return db.QueryAsync<RankingCounts>(Statement(ReportSql.RankingByLead, criteria), Parameters(criteria, new
        {
            Today = asOf,
            OffsetMinutes = minutes,
            OffsetModifier = (minutes >= 0 ? "+" : "") + minutes.ToString(CultureInfo.InvariantCulture) + " minutes",
        }), cancellationToken);
    }

    private string Statement(IReadOnlyDictionary<ReportFilters, DialectSql> statements, ReportCriteria criteria)
    {
        var filters = ReportFilters.None;
        if (criteria.InspectionId is not null)
            filters |= ReportFilters.Inspection;
        if (criteria.UnitPattern is not null)
            filters |= ReportFilters.UnitTree;
        if (criteria.ScopePattern is not null)
            filters |= ReportFilters.Scope;
        return db.Pick(statements[filters]);
    }

    /// <summary>The filters' parameters and the statement's own, in one bag.</summary>
    private static Dapper.DynamicParameters Parameters(ReportCriteria criteria, object own)
    {
        var parameters = new Dapper.DynamicParameters(own);
        parameters.Add("InspectionId", criteria.InspectionId);
        parameters.Add("UnitPattern", criteria.UnitPattern);
        parameters.Add("ScopePattern", criteria.ScopePattern);
        return parameters;
    }
}
