using Rectify.Domain.Common;
using Rectify.Application.Auditing;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

internal static class AuditedInspection
{
    public const string EntityType = "inspection";

    public static IReadOnlyList<FieldChange> Changes(InspectionResponse? before, Inspection inspection)
    {
        var after = InspectionResponse.From(inspection);
        return new Changes()
            .Field("kind", before?.Kind, after.Kind)
            .Field("level", before?.Level, after.Level)
            .Field("title", before?.Title, after.Title)
            .Field("round", before?.Round, after.Round)
            .Field("batch", before?.Batch, after.Batch)
            .Field("teamName", before?.TeamName, after.TeamName)
            .Field("year", before?.Year, after.Year)
            .Field("feedbackDate", before?.FeedbackDate, after.FeedbackDate)
            .Field("planDueDate", before?.PlanDueDate, after.PlanDueDate)
            .Field("documentNumber", before?.DocumentNumber, after.DocumentNumber)
            .Field("signOffSteps", before is null ? null : string.Join(" → ", before.SignOffSteps), string.Join(" → ", after.SignOffSteps))
            .ToList();
    }
}
