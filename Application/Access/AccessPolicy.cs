using Rectify.Application.Clients;
using Rectify.Application.Common;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Application.Access;

/// <summary>Auth settings read by the policy.</summary>
public sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>Lets the client that asked for a sign-off or an extension also decide it. Off by default: 销号 is
    /// someone else confirming the work.</summary>
    public bool AllowSelfReview { get; set; }
}

/// <summary>What a key may do to an item it can see, as README's permission table names it.</summary>
public enum ItemAction
{
    /// <summary>Edit the item's content, or name the units that work on it besides the lead.</summary>
    EditItem,
    /// <summary>Hand the lead of an existing item to another unit.</summary>
    ChangeLead,
    MoveDueDate,
    /// <summary>Add a measure or edit its description, unit or due date.</summary>
    ManageMeasures,
    ImplementMeasure,
    ReportProgress,
    RequestSignOff,
    RequestExtension,
    /// <summary>Approve or return a sign-off step, decide an extension, record a recurrence.</summary>
    Review,
}

/// <summary>
/// Who may do what, decided here and nowhere else. Keys are office keys (not bound to a unit) or unit keys. A unit key
/// sees the items where its unit or one below it is assigned, and acts through the roles those units hold on the item:
/// every unit above the lead acts as lead too, since the tree below a unit is its own. A review needs a unit above the
/// lead and above the unit that asked, so a unit never confirms work it did itself. Every refusal names its rule.
/// The endpoints check scopes first; the table holds the scope of each action for the one endpoint that serves two
/// (PATCH of a measure: editing it is write, implementing it is report).
/// </summary>
public sealed class AccessPolicy(ICurrentClient client, IUnitStore units, IClientStore clients, AccessOptions options)
{
    private static readonly IReadOnlyDictionary<ItemAction, (string Rule, string Scope, UnitRole[] Roles, string Message)> ItemRules =
        new Dictionary<ItemAction, (string, string, UnitRole[], string)>
        {
            [ItemAction.EditItem] = ("edit_item", Scopes.Write, [UnitRole.Lead],
                "Only an office key or the lead unit can edit an item and the units on it."),
            [ItemAction.ChangeLead] = ("change_lead", Scopes.Write, [],
                "Only an office key can hand an item's lead to another unit."),
            [ItemAction.MoveDueDate] = ("move_due_date", Scopes.Write, [],
                "Only an office key can move a due date; a unit requests an extension."),
            [ItemAction.ManageMeasures] = ("manage_measures", Scopes.Write, [UnitRole.Lead],
                "Only an office key or the lead unit, with the write scope, can add or edit measures."),
            [ItemAction.ImplementMeasure] = ("implement_measure", Scopes.Report, [UnitRole.Lead],
                "Only an office key, the lead unit or the measure's own unit can mark a measure implemented."),
            [ItemAction.ReportProgress] = ("report_progress", Scopes.Report, [UnitRole.Lead, UnitRole.Responsible],
                "Only an office key, the lead unit or a responsible unit can report progress."),
            [ItemAction.RequestSignOff] = ("request_sign_off", Scopes.Report, [UnitRole.Lead],
                "Only an office key or the lead unit can request sign-off."),
            [ItemAction.RequestExtension] = ("request_extension", Scopes.Report, [UnitRole.Lead],
                "Only an office key or the lead unit can request an extension."),
            [ItemAction.Review] = ("review_above_lead", Scopes.Review, [],
                "Only an office key or a unit above the item's lead unit can review it."),
        };

    private Task<OrgUnit?>? _unit;

    /// <summary>The unit of a unit key (checked once per request); null for an office key.</summary>
    public Task<OrgUnit?> UnitAsync(CancellationToken cancellationToken) => _unit ??= LoadUnitAsync(cancellationToken);

    /// <summary>A LIKE pattern over unit paths for the items a unit key sees; null for an office key.</summary>
    public async Task<string?> ItemScopeAsync(CancellationToken cancellationToken) =>
        (await UnitAsync(cancellationToken))?.SubtreePattern;

    /// <summary>A unit key sees its own subtree and the chain of units above it; null (everything) for an office key.</summary>
    public async Task<UnitVisibility?> UnitVisibilityAsync(CancellationToken cancellationToken) =>
        await UnitAsync(cancellationToken) is { } own ? new UnitVisibility(own.SubtreePattern, own.AncestorIds) : null;

    public async Task<bool> CanSeeAsync(OrgUnit unit, CancellationToken cancellationToken) =>
        await UnitAsync(cancellationToken) is not { } own || unit.IsAtOrBelow(own) || own.IsAtOrBelow(unit);

    /// <summary>Throws 403 naming the rule unless the key may do <paramref name="action"/> to the item.</summary>
    public async Task EnsureAsync(ItemAction action, Item item, CancellationToken cancellationToken)
    {
        var (rule, scope, roles, message) = ItemRules[action];
        if (!client.HasScope(scope))
            throw new ForbiddenException(rule, $"{message} This key lacks the '{scope}' scope.");
        if (await UnitAsync(cancellationToken) is not { } own)
            return;
        var assigned = await UnitsByIdAsync(item.Units.Select(u => u.UnitId), cancellationToken);
        var allowed = action == ItemAction.Review
            ? IsStrictlyAbove(own, assigned[item.LeadUnitId])
            : item.Units.Any(u => roles.Contains(u.Role) && assigned[u.UnitId].IsAtOrBelow(own));
        if (!allowed)
            throw new ForbiddenException(rule, message);
    }

    /// <summary>Implementing a measure: as <see cref="ItemAction.ImplementMeasure"/>, or the measure's own unit.</summary>
    public async Task EnsureMayImplementAsync(Item item, Measure measure, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is { } own && measure.UnitId is { } unitId && client.HasScope(Scopes.Report) &&
            (await UnitsByIdAsync([unitId], cancellationToken))[unitId].IsAtOrBelow(own))
            return;
        await EnsureAsync(ItemAction.ImplementMeasure, item, cancellationToken);
    }

    /// <summary>
    /// Deciding a request: a key that may review, and (unless <c>Auth:AllowSelfReview</c>) neither the client that asked
    /// nor, for a unit key, a unit that is not above the asking client's unit.
    /// </summary>
    public async Task EnsureMayDecideAsync(Item item, Guid? requestedByClientId, CancellationToken cancellationToken)
    {
        await EnsureAsync(ItemAction.Review, item, cancellationToken);
        if (options.AllowSelfReview || requestedByClientId is not { } requester)
            return;
        if (requester == client.ClientId)
            throw new ForbiddenException("no_self_review",
                "The client that made this request cannot decide it; another key with the review scope must.");
        if (await UnitAsync(cancellationToken) is { } own &&
            await clients.FindAsync(requester, cancellationToken) is { UnitId: { } requesterUnitId } &&
            !IsStrictlyAbove(own, (await UnitsByIdAsync([requesterUnitId], cancellationToken))[requesterUnitId]))
            throw new ForbiddenException("no_self_review",
                "This request was made by a key of this unit or of a unit above it; a unit above that one, or the office, decides it.");
    }

    /// <summary>A unit key names units, in any role or on a measure, only inside its own subtree.</summary>
    public async Task EnsureOwnUnitsAsync(string field, IEnumerable<Guid> unitIds, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not { } own)
            return;
        var named = await UnitsByIdAsync(unitIds, cancellationToken);
        if (named.Values.FirstOrDefault(u => !u.IsAtOrBelow(own)) is { } outside)
            throw new ForbiddenException("units_in_own_subtree",
                $"{field}: a unit key can name only its own unit or units below it, not '{outside.Name}'.");
    }

    /// <summary>Inspections, like other shared settings, are changed only by office keys.</summary>
    public async Task EnsureOfficeAsync(string what, CancellationToken cancellationToken)
    {
        if (await UnitAsync(cancellationToken) is not null)
            throw new ForbiddenException("office_only", $"{what} are shared by every unit; only an office key can change them.");
    }

    private static bool IsStrictlyAbove(OrgUnit upper, OrgUnit lower) => upper.Id != lower.Id && lower.IsAtOrBelow(upper);

    private async Task<OrgUnit?> LoadUnitAsync(CancellationToken cancellationToken) =>
        client.UnitId is { } unitId
            ? await units.FindAsync(unitId, cancellationToken)
              ?? throw new InvalidOperationException($"The client's unit {unitId} does not exist.")
            : null;

    /// <summary>Units named by validated input or by stored rows, so every one exists.</summary>
    private async Task<IReadOnlyDictionary<Guid, OrgUnit>> UnitsByIdAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        (await units.FindManyAsync(ids.ToHashSet(), cancellationToken)).ToDictionary(u => u.Id);
}
