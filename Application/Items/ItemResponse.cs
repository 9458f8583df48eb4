using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public sealed record ItemUnitResponse(Guid UnitId, UnitRole Role);

public sealed record QuantityResponse(decimal? Target, decimal? Done, string? Unit);

public sealed record ExternalRefResponse(string System, string Id);

public sealed record MeasureCountsResponse(int Total, int Implemented);

/// <summary>An item as integrators see it; the deadline fields are computed for today in the office's time zone.</summary>
public sealed record ItemResponse(
    Guid Id,
    Guid InspectionId,
    string Code,
    string Title,
    string? Description,
    string? Requirement,
    string? Target,
    ItemCategory Category,
    string? Area,
    string? Industry,
    string? Aspect,
    bool IsKey,
    Guid LeadUnitId,
    IReadOnlyList<ItemUnitResponse> Units,
    string? ResponsiblePerson,
    string? ResponsiblePhone,
    IReadOnlyList<DeadlineKind> DeadlineKinds,
    DateOnly? DueDate,
    DateOnly? OriginalDueDate,
    ProgressStatus ProgressStatus,
    ScheduleStatus? ScheduleStatus,
    SignOffStatus SignOffStatus,
    string? SignOffStep,
    QuantityResponse? Quantity,
    string? Obstacles,
    int RecurrenceCount,
    IReadOnlyList<ExternalRefResponse> ExternalRefs,
    MeasureCountsResponse Measures,
    bool IsOverdue,
    int OverdueDays,
    int? DueInDays,
    WarningLevel WarningLevel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? SignedOffAt,
    int Version) : IVersioned
{
    public static ItemResponse From(Item item, MeasureCounts measures, Deadline deadline) => new(
        item.Id, item.InspectionId, item.Code, item.Title, item.Description, item.Requirement, item.Target,
        item.Category, item.Area, item.Industry, item.Aspect, item.IsKey, item.LeadUnitId,
        item.Units.Where(u => u.Role != UnitRole.Lead).Select(u => new ItemUnitResponse(u.UnitId, u.Role)).ToList(),
        item.ResponsiblePerson, item.ResponsiblePhone, item.DeadlineKinds, item.DueDate, item.OriginalDueDate,
        item.ProgressStatus, item.ScheduleStatus, item.SignOffStatus, item.SignOffStep,
        item.Quantity is { } quantity ? new QuantityResponse(quantity.Target, quantity.Done, quantity.Unit) : null,
        item.Obstacles, item.RecurrenceCount,
        item.ExternalRefs.Select(r => new ExternalRefResponse(r.System, r.Id)).ToList(),
        new MeasureCountsResponse(measures.Total, measures.Implemented),
        deadline.IsOverdue, deadline.OverdueDays, deadline.DueInDays, deadline.WarningLevel,
        item.CreatedAt, item.UpdatedAt, item.CompletedAt, item.SignedOffAt, item.Version);

    public static ItemResponse From(Item item, OfficeCalendar calendar) =>
        From(item, MeasureCounts.Of(item.Measures), calendar.Evaluate(item));
}
