using System.Runtime.CompilerServices;
using FluentValidation;
using Mediator;
using Rectify.Application.Common;
using Rectify.Application.Common.Tables;
using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Application.Ledger;

/// <summary>The ledger as a spreadsheet: the item list's filters, without paging, one row per item.</summary>
public sealed record ExportLedgerQuery(ListItemsQuery Filter, TableFormat Format) : IQuery<LedgerExport>;

public sealed class ExportLedgerValidator : AbstractValidator<ExportLedgerQuery>
{
    public ExportLedgerValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new ListItemsValidator()).OverridePropertyName("");
        RuleFor(x => x.Format).IsInEnum();
    }
}

/// <summary>The export's headers and its rows, read from the database while they are written out.</summary>
public sealed record LedgerExport(DateOnly Today, TableFormat Format, IReadOnlyList<string> Headers,
    IAsyncEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>An item with what its ledger row shows beyond the item: unit names, measure texts, the latest progress.</summary>
/// <param name="UnitNames">The names of (at least) the item's units, by id.</param>
public sealed record LedgerItem(ItemResponse Item, IReadOnlyDictionary<Guid, string> UnitNames,
    IReadOnlyList<string> Measures, string? LatestProgress);

public sealed class ExportLedgerHandler(IItemQueries items, ItemListFilter filter, OfficeCalendar calendar)
    : IQueryHandler<ExportLedgerQuery, LedgerExport>
{
    private static readonly IReadOnlyList<string> Headers = LedgerColumns.InLedgerOrder.Select(c => c.Header).ToList();

    public async ValueTask<LedgerExport> Handle(ExportLedgerQuery query, CancellationToken cancellationToken)
    {
        var criteria = await filter.CriteriaAsync(query.Filter, cancellationToken);
        return new LedgerExport(calendar.Today, query.Format, Headers, RowsAsync(criteria, cancellationToken));
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(ItemListCriteria criteria,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var item in items.ExportAsync(criteria, cancellationToken))
            yield return LedgerExportRow.Cells(++number, item);
    }
}

/// <summary>
/// One ledger row in <see cref="LedgerColumns.InLedgerOrder"/>: the Chinese words import reads (<see cref="LedgerValues"/>), units by
/// name (several joined with 、, in name order), dates YYYY-MM-DD, measures and external references one per line (references as
/// system:id). Measures go out unnumbered: import strips a leading 1. （1） ①, so unnumbered lines come back as written.
/// </summary>
public static class LedgerExportRow
{
    private const string ListSeparator = "、";

    public static IReadOnlyList<object?> Cells(int number, LedgerItem entry)
    {
        var item = entry.Item;
        return LedgerColumns.InLedgerOrder.Select(column => column.Field switch
        {
            LedgerField.Number => (object?)number,
            LedgerField.Code => item.Code,
            LedgerField.Title => item.Title,
            LedgerField.Description => item.Description,
            LedgerField.Requirement => item.Requirement,
            LedgerField.Target => item.Target,
            LedgerField.Category => LedgerValues.WordOf(item.Category),
            LedgerField.Area => item.Area,
            LedgerField.Industry => item.Industry,
            LedgerField.Aspect => item.Aspect,
            LedgerField.IsKey => item.IsKey ? "是" : "否",
            LedgerField.LeadUnit => entry.UnitNames[item.LeadUnitId],
            LedgerField.ResponsibleUnits => Units(entry, UnitRole.Responsible),
            LedgerField.CooperatingUnits => Units(entry, UnitRole.Cooperating),
            LedgerField.SupervisingUnits => Units(entry, UnitRole.Supervising),
            LedgerField.AcceptanceUnits => Units(entry, UnitRole.Acceptance),
            LedgerField.ResponsiblePerson => item.ResponsiblePerson,
            LedgerField.ResponsiblePhone => item.ResponsiblePhone,
            LedgerField.DueDate => item.DueDate,
            LedgerField.DeadlineKinds => string.Join(ListSeparator, item.DeadlineKinds.Select(LedgerValues.WordOf)),
            LedgerField.Measures => Lines(entry.Measures),
            LedgerField.Progress => entry.LatestProgress,
            LedgerField.ProgressStatus => LedgerValues.WordOf(item.ProgressStatus),
            LedgerField.Obstacles => item.Obstacles,
            LedgerField.ExternalRefs => Lines(item.ExternalRefs.Select(r => $"{r.System}:{r.Id}")),
            _ => null,
        }).ToArray();
    }

    /// <summary>An item keeps its units as a set; by name, so that the same ledger comes out alike from any database.</summary>
    private static string? Units(LedgerItem entry, UnitRole role) => Joined(
        entry.Item.Units.Where(u => u.Role == role).Select(u => entry.UnitNames[u.UnitId]).Order(StringComparer.Ordinal),
        ListSeparator);

    private static string? Lines(IEnumerable<string> lines) => Joined(lines, "\n");

    private static string? Joined(IEnumerable<string> parts, string separator)
    {
        var text = string.Join(separator, parts);
        return text.Length == 0 ? null : text;
    }
}
