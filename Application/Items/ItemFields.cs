using FluentValidation;
using Rectify.Application.Common.Errors;
using Rectify.Application.Units;
using Rectify.Domain.Items;

namespace Rectify.Application.Items;

public sealed record ItemUnitInput(Guid UnitId, UnitRole? Role);

public sealed record QuantityInput(decimal? Target, string? Unit);

public sealed record ExternalRefInput(string System, string Id);

/// <summary>Shape rules and unit checks shared by creating and changing an item.</summary>
internal static class ItemFields
{
    public const int CodeMax = 50, TitleMax = 500, TextMax = 4000, ShortMax = 200, PhoneMax = 50;

    public static IRuleBuilderOptions<T, string?> ItemCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(CodeMax);

    public static IRuleBuilderOptions<T, string?> ItemTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(TitleMax);

    public static IRuleBuilderOptions<T, string?> LongText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(TextMax);

    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ShortMax);

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(PhoneMax);

    public static IRuleBuilderOptions<T, IReadOnlyList<DeadlineKind>?> DeadlineKindSet<T>(this IRuleBuilder<T, IReadOnlyList<DeadlineKind>?> rule) =>
        rule.NotEmpty().WithMessage("deadlineKinds lists at least one of immediate, by_date, ongoing.")
            // A set of three kinds: repeats are dropped (the item keeps each kind once), but a longer list is not a set.
            .Must(kinds => kinds is null || kinds.Count <= DeadlineKindsMax)
            .WithMessage($"deadlineKinds lists at most {DeadlineKindsMax} entries: each of immediate, by_date, ongoing once.");

    /// <summary>There are three deadline kinds; a list given with more entries than that is refused.</summary>
    public const int DeadlineKindsMax = 3;

    public static IRuleBuilderOptions<T, IReadOnlyList<ItemUnitInput>?> OtherUnits<T>(this IRuleBuilder<T, IReadOnlyList<ItemUnitInput>?> rule) =>
        rule.Must(units => units is null || units.Count <= 50).WithMessage("At most 50 units.")
            .Must(units => units is null || units.All(u => u is { Role: not null and not UnitRole.Lead }))
            .WithMessage("Each unit needs a role: responsible, cooperating, supervising or acceptance (the lead unit is leadUnitId).");

    public static IRuleBuilderOptions<T, IReadOnlyList<ExternalRefInput>?> ExternalRefList<T>(this IRuleBuilder<T, IReadOnlyList<ExternalRefInput>?> rule) =>
        rule.Must(refs => refs is null || (refs.Count <= 10 && refs.All(r => r is not null &&
                !string.IsNullOrWhiteSpace(r.System) && r.System.Length <= 100 && !string.IsNullOrWhiteSpace(r.Id) && r.Id.Length <= 100)))
            .WithMessage("At most 10 external references, each with a system and an id of at most 100 characters.");

    /// <summary>
    /// The largest quantity both dialects store exactly: 15 significant digits (SQLite keeps NUMERIC as a double),
    /// 4 of them decimals (DECIMAL(18, 4) on SQL Server).
    /// </summary>
    public const decimal QuantityMax = 99_999_999_999.9999m;

    public static IRuleBuilderOptions<T, QuantityInput?> QuantityShape<T>(this IRuleBuilder<T, QuantityInput?> rule) =>
        rule.Must(q => q is null || (IsQuantity(q.Target) && (q.Unit?.Length ?? 0) <= 20))
            .WithMessage($"quantity.target is between 0 and {QuantityMax} with at most 4 decimals; quantity.unit has at most 20 characters.");

    public static IRuleBuilderOptions<T, decimal?> Quantity<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(IsQuantity).WithMessage($"A quantity is between 0 and {QuantityMax} with at most 4 decimals.");

    private static bool IsQuantity(decimal? value) =>
        value is null || (value >= 0 && value <= QuantityMax && decimal.Round(value.Value, 4) == value);

    /// <summary>The lead unit plus the others, each an existing, active unit; a bad one is a 400 on its field.</summary>
    public static async Task<IReadOnlyList<ItemUnit>> ResolveUnitsAsync(IUnitStore units, Guid leadUnitId,
        IReadOnlyList<ItemUnitInput> others, CancellationToken cancellationToken)
    {
        var wanted = others.Select(u => u.UnitId).Append(leadUnitId).Distinct().ToList();
        var found = (await units.FindManyAsync(wanted, cancellationToken)).ToDictionary(u => u.Id);

        void Check(Guid id, string field)
        {
            if (!found.TryGetValue(id, out var unit))
                throw InvalidField.Because(field, $"Unit '{id}' does not exist.");
            if (!unit.Active)
                throw InvalidField.Because(field, $"Unit '{unit.Code}' ({unit.Name}) is inactive and cannot take new work.");
        }

        Check(leadUnitId, "leadUnitId");
        for (var i = 0; i < others.Count; i++)
        {
            Check(others[i].UnitId, $"units[{i}].unitId");
            if (others[i].UnitId == leadUnitId)
                throw InvalidField.Because($"units[{i}].unitId", "The lead unit is given once, as leadUnitId.");
            if (others.Take(i).Any(u => u.UnitId == others[i].UnitId))
                throw InvalidField.Because($"units[{i}].unitId", "A unit holds one role on an item; it is listed once.");
        }
        return [new ItemUnit(leadUnitId, UnitRole.Lead), .. others.Select(u => new ItemUnit(u.UnitId, u.Role!.Value))];
    }

    /// <summary>References are unique without regard to case, as both dialects' stores compare them.</summary>
    public static bool SameRef(ExternalRef a, ExternalRef b) =>
        string.Equals(a.System, b.System, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<ExternalRef> ToRefs(IReadOnlyList<ExternalRefInput>? refs) =>
        (refs ?? []).Select(r => new ExternalRef(r.System.Trim(), r.Id.Trim()))
            .DistinctBy(r => (r.System.ToUpperInvariant(), r.Id.ToUpperInvariant()))
            .OrderBy(r => r.System, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static async Task EnsureUniqueAsync(IItemStore items, Guid inspectionId, ItemContent content, Guid? exceptId,
        CancellationToken cancellationToken)
    {
        if (await items.CodeExistsAsync(inspectionId, content.Code, exceptId, cancellationToken))
            throw new ConflictException($"The inspection already has an item with code '{content.Code}'.");
        if (await items.FindTakenExternalRefAsync(content.ExternalRefs, exceptId, cancellationToken) is { } taken)
            throw new ConflictException($"Another item already carries the reference {taken.System}/{taken.Id}.");
    }
}
