using Rectify.Application.Common;
using Rectify.Application.Items;
using Rectify.Domain.Items;

namespace Rectify.Application.Ledger;

/// <summary>Reads every data row of a sheet, collecting each cell's error instead of stopping at the first.</summary>
internal static class LedgerRowParser
{
    private static readonly (LedgerField Field, int Max)[] TextColumns =
    [
        (LedgerField.Description, ItemFields.TextMax), (LedgerField.Requirement, ItemFields.TextMax),
        (LedgerField.Target, ItemFields.TextMax), (LedgerField.Area, ItemFields.ShortMax),
        (LedgerField.Industry, ItemFields.ShortMax), (LedgerField.Aspect, ItemFields.ShortMax),
        (LedgerField.ResponsiblePerson, ItemFields.ShortMax), (LedgerField.ResponsiblePhone, ItemFields.PhoneMax),
    ];

    /// <param name="year">The year "年底前" without one means: the inspection's.</param>
    public static IReadOnlyList<LedgerRow> ParseAll(LedgerSheet sheet, UnitDirectory units, int year)
    {
        var rows = new List<LedgerRow>(sheet.DataRows.Count);
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var data in sheet.DataRows)
        {
            var row = Parse(sheet, data, units, year);
            if (row.Code.Length > 0 && !firstRowOfCode.TryAdd(row.Code, row.Number))
                row.Error(LedgerField.Code, $"'{row.Code}' appears again; row {firstRowOfCode[row.Code]} already has it.");
            rows.Add(row);
        }
        return rows;
    }

    private static LedgerRow Parse(LedgerSheet sheet, SheetRow data, UnitDirectory units, int year)
    {
        var row = new LedgerRow(data.Number, sheet.Columns);
        string? Cell(LedgerField field) =>
            sheet.Columns.TryGetValue(field, out var column)
                ? column.Index < data.Cells.Count ? data.Cells[column.Index].Trim() : ""
                : null;
        string? Given(LedgerField field) => Cell(field) is { Length: > 0 } text ? text : null;
        string? Limited(LedgerField field, string? text, int max)
        {
            if (text is not null && text.Length > max)
                row.Error(field, $"At most {max} characters (this cell has {text.Length}).");
            return text;
        }

        var code = Given(LedgerField.Code) ?? Given(LedgerField.Number);
        if (code is null)
            row.Error(LedgerField.Code, "Every row needs a 问题编号 (or 序号): rows are matched to items by it.");
        row.Code = Limited(LedgerField.Code, code, ItemFields.CodeMax) ?? "";

        foreach (var (field, max) in TextColumns)
            if (Cell(field) is { } text)
                row.Texts[field] = Limited(field, text.Length == 0 ? null : text, max);
        row.Title = Limited(LedgerField.Title, Given(LedgerField.Title), ItemFields.TitleMax);
        if (row.Title is null && Given(LedgerField.Description) is { } description)
            row.DerivedTitle = LedgerValues.TitleFrom(description, ItemFields.TitleMax) is { Length: > 0 } derived ? derived : null;

        if (Given(LedgerField.Category) is { } category)
            row.Category = LedgerValues.Category(category)
                           ?? Fail<ItemCategory?>(row, LedgerField.Category, $"'{category}' is not a category: 大气, 水, 土壤, 固废, 生态, 噪声, 辐射 or 其他.");
        if (Given(LedgerField.IsKey) is { } isKey)
            row.IsKey = LedgerValues.YesNo(isKey) ?? Fail<bool?>(row, LedgerField.IsKey, $"'{isKey}' is not 是 or 否.");

        foreach (var (field, role) in LedgerRow.UnitColumns)
        {
            if (Given(field) is not { } cell)
                continue;
            var found = new List<Guid>();
            foreach (var entry in LedgerValues.List(cell))
            {
                var (unit, error) = units.Resolve(entry);
                if (unit is null)
                    row.Error(field, error!);
                else
                    found.Add(unit.Id);
            }
            if (role != UnitRole.Lead)
                row.Others[role] = found;
            else if (LedgerValues.List(cell).Count > 1)
                row.Error(field, "An item has one lead unit; name the others under 责任单位 or 配合单位.");
            else if (found.Count == 1)
                row.Lead = found[0];
        }

        ReadDeadline(row, Given(LedgerField.DeadlineKinds), Given(LedgerField.DueDate), year);

        if (Given(LedgerField.Measures) is { } measures)
        {
            row.Measures = LedgerValues.Measures(measures);
            if (row.Measures.FirstOrDefault(m => m.Length > ItemFields.TextMax) is not null)
                row.Error(LedgerField.Measures, $"A measure has at most {ItemFields.TextMax} characters.");
        }
        if (Given(LedgerField.ProgressStatus) is { } status)
            row.ProgressStatus = LedgerValues.Progress(status)
                                 ?? Fail<ProgressStatus?>(row, LedgerField.ProgressStatus,
                                     $"'{status}' is not a progress word: 尚未启动, 正在推进, 基本完成 or 已完成整改.");
        row.ProgressText = Limited(LedgerField.Progress, Given(LedgerField.Progress), ItemFields.TextMax);
        if (Cell(LedgerField.Obstacles) is { } obstacles)
            row.Obstacles = Limited(LedgerField.Obstacles, obstacles.Length == 0 ? null : obstacles, ItemFields.TextMax);
        if (Given(LedgerField.ExternalRefs) is { } refs)
            row.ExternalRefs = LedgerValues.ExternalRefs(refs) is { } parsed
                ? ItemFields.ToRefs(parsed.Select(r => new ExternalRefInput(r.System, r.Id)).ToList())
                : Fail<IReadOnlyList<ExternalRef>?>(row, LedgerField.ExternalRefs,
                    $"'{refs}' is not a list of system/id references (区信访信息系统/XF-2024-001), one per line.");
        return row;
    }

    /// <summary>
    /// 时限类型 lists kinds; 整改时限 holds a date or, as some ledgers write it, the kind itself (长期坚持). A date with no
    /// 时限类型 means 限期整改.
    /// </summary>
    private static void ReadDeadline(LedgerRow row, string? kindsCell, string? dueCell, int year)
    {
        var kinds = new List<DeadlineKind>();
        if (kindsCell is not null)
        {
            if (LedgerValues.DeadlineKinds(kindsCell) is { } given)
                kinds.AddRange(given);
            else
                row.Error(LedgerField.DeadlineKinds, $"'{kindsCell}' is not a list of 立行立改, 限期整改, 长期坚持.");
        }
        if (dueCell is not null)
        {
            if (LedgerValues.Date(dueCell, year) is { } due)
            {
                if (!BusinessDates.Within(due))
                    row.Error(LedgerField.DueDate, $"'{dueCell}': {BusinessDates.Message}");
                row.Due = due;
                if (kindsCell is null)
                    kinds.Add(DeadlineKind.ByDate);
            }
            else if (LedgerValues.DeadlineKinds(dueCell) is { Count: > 0 } named)
                kinds.AddRange(named);
            else
                row.Error(LedgerField.DueDate, $"'{dueCell}' is not a date: 2024-12-31, 2024/12/31, 2024年12月31日, 2024年底 or 年底前.");
        }
        row.Kinds = kinds.Count > 0 ? kinds.Distinct().Order().ToList() : null;
    }

    private static T Fail<T>(LedgerRow row, LedgerField field, string message)
    {
        row.Error(field, message);
        return default!;
    }
}
