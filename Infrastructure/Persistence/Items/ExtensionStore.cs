using Rectify.Application.Common.Errors;
using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Infrastructure.Persistence.Items;

internal sealed class ExtensionStore(DbSession db) : IExtensionStore
{
    public async Task InsertAsync(Extension extension, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(ExtensionSql.Insert, Parameters(extension), cancellationToken);

    /// <summary>Decides a pending request; a request decided meanwhile by someone else is a conflict.</summary>
    public async Task UpdateAsync(Extension extension, CancellationToken cancellationToken)
    {
        if (await db.ExecuteAsync(ExtensionSql.Update, Parameters(extension), cancellationToken) == 0)
            throw new ConflictException("This extension request was decided meanwhile.");
    }

    public async Task<IReadOnlyList<Extension>> ListAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ExtensionRow>(ExtensionSql.List, new { ItemId = itemId }, cancellationToken))
        .Select(r => r.ToExtension()).ToList();

    private static object Parameters(Extension e) => new
    {
        e.Id, e.ItemId, e.RequestedDueDate, e.PreviousDueDate, e.Reason, Status = EnumText<ExtensionStatus>.Of(e.Status),
        e.RequestedBy, e.RequestedByClientId, e.RequestedAt, e.DecidedAt, e.ReviewerName, e.Comment,
    };

    internal sealed class ExtensionRow
    {
        public Guid Id { get; init; }
        public Guid ItemId { get; init; }
        public DateOnly RequestedDueDate { get; init; }
        public DateOnly? PreviousDueDate { get; init; }
        public string Reason { get; init; } = "";
        public string Status { get; init; } = "";
        public string? RequestedBy { get; init; }
        public Guid? RequestedByClientId { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? ReviewerName { get; init; }
        public string? Comment { get; init; }

        public Extension ToExtension() => Extension.Restore(Id, ItemId, RequestedDueDate, PreviousDueDate, Reason,
            EnumText<ExtensionStatus>.Parse(Status), RequestedAt, RequestedBy, RequestedByClientId, DecidedAt,
            ReviewerName, Comment);
    }
}
