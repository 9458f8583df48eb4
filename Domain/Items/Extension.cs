using Rectify.Domain.Common;

namespace Rectify.Domain.Items;

/// <summary>延期申请: a request to move the item's due date, decided once by the office.</summary>
public sealed class Extension
{
    public Guid Id { get; private init; }
    public Guid ItemId { get; private init; }
    public DateOnly RequestedDueDate { get; private init; }
    public DateOnly? PreviousDueDate { get; private init; }
    public string Reason { get; private init; } = "";
    public ExtensionStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private init; }
    public string? RequestedBy { get; private init; }
    public Guid? RequestedByClientId { get; private init; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ReviewerName { get; private set; }
    public string? Comment { get; private set; }

    internal static Extension Request(Guid id, Guid itemId, DateOnly requestedDueDate, DateOnly? previousDueDate,
        string reason, string requestedBy, Guid? requestedByClientId, DateTimeOffset now) =>
        Restore(id, itemId, requestedDueDate, previousDueDate, reason, ExtensionStatus.Pending, now, requestedBy,
            requestedByClientId, null, null, null);

    public static Extension Restore(Guid id, Guid itemId, DateOnly requestedDueDate, DateOnly? previousDueDate,
        string reason, ExtensionStatus status, DateTimeOffset requestedAt, string? requestedBy, Guid? requestedByClientId, DateTimeOffset? decidedAt,
        string? reviewerName, string? comment) =>
        new()
        {
            Id = id, ItemId = itemId, RequestedDueDate = requestedDueDate, PreviousDueDate = previousDueDate,
            Reason = reason, Status = status, RequestedAt = requestedAt, RequestedBy = requestedBy, RequestedByClientId = requestedByClientId,
            DecidedAt = decidedAt, ReviewerName = reviewerName, Comment = comment,
        };

    internal void Decide(ExtensionStatus decision, string reviewerName, string? comment, DateTimeOffset now)
    {
        if (Status != ExtensionStatus.Pending)
            throw new DomainRuleException("extension_decided", $"This extension request was already {Words.Of(Status)}.");
        if (decision == ExtensionStatus.Pending)
            throw new ArgumentOutOfRangeException(nameof(decision));
        Status = decision;
        ReviewerName = reviewerName;
        Comment = comment;
        DecidedAt = now;
    }
}
