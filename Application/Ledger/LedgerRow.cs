using Rectify.Application.Items;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Application.Ledger;

/// <summary>A rule broken by one cell while a row is applied; the import lists it with the row and the column.</summary>
internal sealed class CellException(string column, string message) : Exception(message)
{
    public string Column { get; } = column;
}

/// <summary>
/// One data row, read: what each present column says, in the item's terms. A column the file lacks leaves the item's
/// value as it is; an empty cell clears a text column (描述, 要求, 目标, 属地, 行业, 方面, 责任人, 电话, 存在问题) and leaves
/// the others (标题, 类别, 是否重点, units, deadline, measures, progress, references) as they are.
/// </summary>
internal sealed class LedgerRow(int number, IReadOnlyDictionary<LedgerField, (int Index, string Header)> columns)
{
    private static readonly (LedgerField Field, UnitRole Role)[] OtherUnitColumns =
    [
        (LedgerField.ResponsibleUnits, UnitRole.Responsible), (LedgerField.CooperatingUnits, UnitRole.Cooperating),
        (LedgerField.SupervisingUnits, UnitRole.Supervising), (LedgerField.AcceptanceUnits, UnitRole.Acceptance),
    ];

    public int Number { get; } = number;
    public string Code { get; set; } = "";
    public List<LedgerNote> Errors { get; } = [];
    public List<LedgerNote> Warnings { get; } = [];

    public string? Title { get; set; }
    public string? DerivedTitle { get; set; }
    public Dictionary<LedgerField, string?> Texts { get; } = [];
    public ItemCategory? Category { get; set; }
    public bool? IsKey { get; set; }
    public Guid? Lead { get; set; }
    public Dictionary<UnitRole, IReadOnlyList<Guid>> Others { get; } = [];
    public IReadOnlyList<DeadlineKind>? Kinds { get; set; }
    public DateOnly? Due { get; set; }
    public IReadOnlyList<string>? Measures { get; set; }
    public ProgressStatus? ProgressStatus { get; set; }
    public string? ProgressText { get; set; }
    public string? Obstacles { get; set; }
    public IReadOnlyList<ExternalRef>? ExternalRefs { get; set; }

    public bool Has(LedgerField field) => columns.ContainsKey(field);

    /// <summary>The column's header as the file spells it, or as export spells it when the file has no such column.</summary>
    public string Header(LedgerField field) =>
        columns.TryGetValue(field, out var column) ? column.Header : LedgerSheet.HeaderOf(field);

    public void Error(LedgerField field, string message) => Errors.Add(new LedgerNote(Number, Header(field), message));

    private string? Text(LedgerField field, string? current) => Texts.TryGetValue(field, out var text) ? text : current;

    /// <summary>The content of an item this row creates; title and category filled in as stated, with a warning.</summary>
    public ItemContent NewContent()
    {
        var title = Title ?? DerivedTitle
                    ?? throw new CellException(Header(LedgerField.Description), "A new item needs 问题描述 (or 问题标题) to take its title from.");
        if (Title is null)
            Warnings.Add(new LedgerNote(Number, Header(LedgerField.Title), $"No title given; taken from 问题描述: '{title}'."));
        if (Category is null)
            Warnings.Add(new LedgerNote(Number, Header(LedgerField.Category), "No category given; 其他 (other)."));
        return new ItemContent(Code, title, Text(LedgerField.Description, null), Text(LedgerField.Requirement, null),
            Text(LedgerField.Target, null), Category ?? ItemCategory.Other, Text(LedgerField.Area, null),
            Text(LedgerField.Industry, null), Text(LedgerField.Aspect, null), IsKey ?? false,
            Text(LedgerField.ResponsiblePerson, null), Text(LedgerField.ResponsiblePhone, null), null, null, ExternalRefs ?? []);
    }

    /// <summary>The units of a new item: 牵头单位, or else the first of 责任单位 leads.</summary>
    public IReadOnlyList<ItemUnit> NewUnits()
    {
        var responsible = Others.GetValueOrDefault(UnitRole.Responsible) ?? [];
        var lead = Lead ?? (responsible.Count > 0 ? responsible[0] : (Guid?)null)
                   ?? throw new CellException(Header(LedgerField.LeadUnit), "A new item needs a lead unit: 牵头单位, or else the first of 责任单位.");
        return Assigned(lead, role => Others.GetValueOrDefault(role) ?? []);
    }

    public (IReadOnlyList<DeadlineKind> Kinds, DateOnly? Due) NewDeadline() =>
        Kinds is { Count: > 0 } kinds
            ? (kinds, Due)
            : throw new CellException(Header(LedgerField.DueDate), "A new item needs 整改时限 (a date) or 时限类型 (立行立改, 限期整改, 长期坚持).");

    /// <summary>What the row sets on an existing item: its content, its units when they change (else null), its deadline.</summary>
    public (ItemContent Content, (Guid Lead, IReadOnlyList<ItemUnitInput> Others)? Units, IReadOnlyList<DeadlineKind> Kinds, DateOnly? Due)
        ChangesOf(Item item)
    {
        var was = item.Content;
        var content = was with
        {
            Code = string.Equals(Code, was.Code, StringComparison.OrdinalIgnoreCase) ? was.Code : Code,
            Title = Title ?? was.Title,
            Description = Text(LedgerField.Description, was.Description),
            Requirement = Text(LedgerField.Requirement, was.Requirement),
            Target = Text(LedgerField.Target, was.Target),
            Category = Category ?? was.Category,
            Area = Text(LedgerField.Area, was.Area),
            Industry = Text(LedgerField.Industry, was.Industry),
            Aspect = Text(LedgerField.Aspect, was.Aspect),
            IsKey = IsKey ?? was.IsKey,
            ResponsiblePerson = Text(LedgerField.ResponsiblePerson, was.ResponsiblePerson),
            ResponsiblePhone = Text(LedgerField.ResponsiblePhone, was.ResponsiblePhone),
            ExternalRefs = ExternalRefs is { Count: > 0 } refs ? refs : was.ExternalRefs,
        };
        (Guid, IReadOnlyList<ItemUnitInput>)? units = null;
        if (Lead is not null || Others.Count > 0)
        {
            var lead = Lead ?? item.LeadUnitId;
            var assigned = Assigned(lead, role => Others.GetValueOrDefault(role)
                                                  ?? item.Units.Where(u => u.Role == role).Select(u => u.UnitId).ToList());
            if (!Item.InCanonicalOrder(assigned).SequenceEqual(item.Units))
                units = (lead, assigned.Where(u => u.Role != UnitRole.Lead).Select(u => new ItemUnitInput(u.UnitId, u.Role)).ToList());
        }
        // An empty 整改时限 clears the date only beside a 时限类型 that says what the deadline is instead.
        var due = Due ?? (Has(LedgerField.DueDate) && Kinds is not null ? null : item.DueDate);
        return (content, units, Kinds ?? item.DeadlineKinds, due);
    }

    /// <summary>The lead, then each other role's units; a unit named twice keeps the first role it was named in.</summary>
    private static List<ItemUnit> Assigned(Guid lead, Func<UnitRole, IReadOnlyList<Guid>> unitsOf)
    {
        var assigned = new List<ItemUnit> { new(lead, UnitRole.Lead) };
        foreach (var (_, role) in OtherUnitColumns)
            assigned.AddRange(unitsOf(role).Where(id => assigned.All(a => a.UnitId != id)).Distinct().Select(id => new ItemUnit(id, role)));
        return assigned;
    }

    /// <summary>The columns that name units, and the role each gives.</summary>
    public static IEnumerable<(LedgerField Field, UnitRole Role)> UnitColumns =>
        OtherUnitColumns.Prepend((LedgerField.LeadUnit, UnitRole.Lead));
}

/// <summary>Finds units by code or by name; a unit key finds only the units of its own subtree.</summary>
internal sealed class UnitDirectory
{
    private readonly Dictionary<string, OrgUnit> _byCode;
    private readonly ILookup<string, OrgUnit> _byName;
    private readonly Dictionary<Guid, OrgUnit> _byId;
    private readonly OrgUnit? _own;

    public UnitDirectory(IReadOnlyList<OrgUnit> units, OrgUnit? own)
    {
        _byCode = units.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        _byName = units.ToLookup(u => u.Name.Trim(), StringComparer.Ordinal);
        _byId = units.ToDictionary(u => u.Id);
        _own = own;
    }

    /// <summary>The unit a cell entry names, or why there is none.</summary>
    public (OrgUnit? Unit, string? Error) Resolve(string entry)
    {
        var candidates = _byCode.TryGetValue(entry, out var byCode) ? [byCode] : _byName[entry].ToList();
        if (candidates.Count == 0)
            return (null, $"No unit has the code or name '{entry}'.");
        var visible = _own is null ? candidates : candidates.Where(u => u.IsAtOrBelow(_own)).ToList();
        return visible switch
        {
            [] => (null, $"'{entry}' is outside this key's part of the unit tree; a unit key names only its own unit and those below it."),
            [var unit] => (unit, null),
            _ => (null, $"Several units are named '{entry}'; give the unit's code instead."),
        };
    }

    public OrgUnit? FirstInactive(IEnumerable<Guid> ids) =>
        ids.Select(id => _byId.GetValueOrDefault(id)).FirstOrDefault(u => u is { Active: false });
}
