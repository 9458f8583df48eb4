namespace Rectify.Application.Ledger;

/// <summary>The item facts a ledger (台账) column can hold.</summary>
public enum LedgerField
{
    Number,
    Code,
    Title,
    Description,
    Requirement,
    Target,
    Category,
    Area,
    Industry,
    Aspect,
    IsKey,
    LeadUnit,
    ResponsibleUnits,
    CooperatingUnits,
    SupervisingUnits,
    AcceptanceUnits,
    ResponsiblePerson,
    ResponsiblePhone,
    DueDate,
    DeadlineKinds,
    Measures,
    Progress,
    ProgressStatus,
    Obstacles,
    ExternalRefs,
}

/// <param name="Header">The header an export writes.</param>
/// <param name="Name">The API's field name, also accepted as a header.</param>
/// <param name="Aliases">Other headers offices use for the same column.</param>
public sealed record LedgerColumn(LedgerField Field, string Header, string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// The ledger's columns in the order offices lay them out. Import finds columns by any of a column's headers; export
/// writes <see cref="LedgerColumn.Header"/> in this order, so an exported file imports back.
/// </summary>
public static class LedgerColumns
{
    public static readonly IReadOnlyList<LedgerColumn> InLedgerOrder =
    [
        new(LedgerField.Number, "序号", "number", []),
        new(LedgerField.Code, "问题编号", "code", ["编号"]),
        new(LedgerField.Title, "问题标题", "title", ["标题", "问题名称"]),
        new(LedgerField.Description, "问题描述", "description", ["反馈问题", "问题内容", "具体问题"]),
        new(LedgerField.Requirement, "整改要求", "requirement", []),
        new(LedgerField.Target, "整改目标", "target", []),
        new(LedgerField.Category, "问题类别", "category", ["问题类型", "类别"]),
        new(LedgerField.Area, "属地", "area", ["所属区域", "区域"]),
        new(LedgerField.Industry, "行业", "industry", ["所属行业"]),
        new(LedgerField.Aspect, "方面", "aspect", []),
        new(LedgerField.IsKey, "是否重点", "isKey", ["重点问题"]),
        new(LedgerField.LeadUnit, "牵头单位", "leadUnit", ["牵头责任单位"]),
        new(LedgerField.ResponsibleUnits, "责任单位", "responsibleUnits", []),
        new(LedgerField.CooperatingUnits, "配合单位", "cooperatingUnits", []),
        new(LedgerField.SupervisingUnits, "督导单位", "supervisingUnits", []),
        new(LedgerField.AcceptanceUnits, "验收单位", "acceptanceUnits", []),
        new(LedgerField.ResponsiblePerson, "责任人", "responsiblePerson", []),
        new(LedgerField.ResponsiblePhone, "联系电话", "responsiblePhone", ["电话"]),
        new(LedgerField.DueDate, "整改时限", "dueDate", ["完成时限"]),
        new(LedgerField.DeadlineKinds, "时限类型", "deadlineKinds", []),
        new(LedgerField.Measures, "整改措施", "measures", []),
        new(LedgerField.Progress, "整改进展", "progress", ["进展情况"]),
        new(LedgerField.ProgressStatus, "完成情况", "progressStatus", ["整改情况"]),
        new(LedgerField.Obstacles, "存在问题", "obstacles", ["存在困难"]),
        new(LedgerField.ExternalRefs, "外部编号", "externalRefs", []),
    ];

    private static readonly Dictionary<string, LedgerColumn> ByHeaderText = InLedgerOrder
        .SelectMany(c => new[] { c.Header, c.Name }.Concat(c.Aliases).Select(h => (Header: h, Column: c)))
        .ToDictionary(x => x.Header, x => x.Column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The column a header names (trimmed, spaces inside ignored), or null for a column Rectify does not know.</summary>
    public static LedgerColumn? ByHeader(string header) =>
        ByHeaderText.GetValueOrDefault(string.Concat(header.Where(c => !char.IsWhiteSpace(c))));
}
