using Rectify.Application.Auditing;
using Rectify.Domain.Common;

namespace Rectify.Application.Items;

/// <summary>The item's own fields as the audit trail records them (derived deadline fields are left out).</summary>
internal static class AuditedItem
{
    public const string EntityType = "item";

    public static IReadOnlyList<FieldChange> Changes(ItemResponse? before, ItemResponse after) => new Changes()
        .Field("code", before?.Code, after.Code)
        .Field("title", before?.Title, after.Title)
        .Field("description", before?.Description, after.Description)
        .Field("requirement", before?.Requirement, after.Requirement)
        .Field("target", before?.Target, after.Target)
        .Field("category", before?.Category, after.Category)
        .Field("area", before?.Area, after.Area)
        .Field("industry", before?.Industry, after.Industry)
        .Field("aspect", before?.Aspect, after.Aspect)
        .Field("isKey", before?.IsKey, after.IsKey)
        .Field("leadUnitId", before?.LeadUnitId, after.LeadUnitId)
        .Field("units", Text(before?.Units.Select(u => $"{u.UnitId}:{Words.Of(u.Role)}")), Text(after.Units.Select(u => $"{u.UnitId}:{Words.Of(u.Role)}")))
        .Field("responsiblePerson", before?.ResponsiblePerson, after.ResponsiblePerson)
        .Field("responsiblePhone", before?.ResponsiblePhone, after.ResponsiblePhone)
        .Field("deadlineKinds", Text(before?.DeadlineKinds.Select(Words.Of)), Text(after.DeadlineKinds.Select(Words.Of)))
        .Field("dueDate", before?.DueDate, after.DueDate)
        .Field("progressStatus", before?.ProgressStatus, after.ProgressStatus)
        .Field("scheduleStatus", before?.ScheduleStatus, after.ScheduleStatus)
        .Field("signOffStatus", before?.SignOffStatus, after.SignOffStatus)
        .Field("signOffStep", before?.SignOffStep, after.SignOffStep)
        .Field("quantity", before?.Quantity, after.Quantity)
        .Field("obstacles", before?.Obstacles, after.Obstacles)
        .Field("recurrenceCount", before?.RecurrenceCount, after.RecurrenceCount)
        .Field("externalRefs", Text(before?.ExternalRefs.Select(r => $"{r.System}/{r.Id}")), Text(after.ExternalRefs.Select(r => $"{r.System}/{r.Id}")))
        .Field("measures", before?.Measures, after.Measures)
        .ToList();

    private static string? Text(IEnumerable<string>? values) => values is null ? null : string.Join(", ", values);
}
