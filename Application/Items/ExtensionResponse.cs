using Rectify.Application.Common;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public sealed record ExtensionResponse(Guid Id, Guid ItemId, DateOnly RequestedDueDate, DateOnly? PreviousDueDate,
    string Reason, ExtensionStatus Status, DateTimeOffset RequestedAt, string? RequestedBy, DateTimeOffset? DecidedAt,
    string? ReviewerName, string? Comment)
{
    public static ExtensionResponse From(Extension e) => new(e.Id, e.ItemId, e.RequestedDueDate, e.PreviousDueDate,
        e.Reason, e.Status, e.RequestedAt, e.RequestedBy, e.DecidedAt, e.ReviewerName, e.Comment);
}

/// <summary>The item after an extension request or decision, and the extension.</summary>
public sealed record ExtensionChangeResponse(ItemResponse Item, ExtensionResponse Extension) : IVersioned
{
    public int Version => Item.Version;
}
