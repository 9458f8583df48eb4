using Rectify.Application.Common;
using Rectify.Domain.Inspections;

namespace Rectify.Application.Inspections;

public sealed record InspectionResponse(
    Guid Id,
    InspectionKind Kind,
    InspectionLevel Level,
    string Title,
    int? Round,
    int? Batch,
    string? TeamName,
    int Year,
    DateOnly? FeedbackDate,
    DateOnly? PlanDueDate,
    string? DocumentNumber,
    IReadOnlyList<string> SignOffSteps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IVersioned
{
    public static InspectionResponse From(Inspection i) => new(i.Id, i.Kind, i.Level, i.Title, i.Round, i.Batch,
        i.TeamName, i.Year, i.FeedbackDate, i.PlanDueDate, i.DocumentNumber, i.SignOffSteps, i.CreatedAt, i.UpdatedAt,
        i.Version);
}
