using System.Globalization;
using System.Text.RegularExpressions;
using Rectify.Domain.Items;

namespace Rectify.Application.Ledger;

/// <summary>
/// How a ledger cell's text becomes an item's value. Each reader answers null for a cell it cannot read, so the
/// import can name the row and column; an empty cell is the caller's concern.
/// </summary>
public static partial class LedgerValues
{
    /// <summary>Where a derived title ends: the first clause of the description.</summary>
    private static readonly char[] ClauseEnds = ['。', '；', ';', '，', ',', '\n', '\r'];

    /// <summary>How several units, or several deadline kinds, share one cell.</summary>
    private static readonly char[] ListSeparators = ['、', '，', ',', ';', '；', '\n', '\r'];

    /// <summary>The first clause of a description, cut to <paramref name="max"/> characters.</summary>
    public static string TitleFrom(string description, int max)
    {
        var text = description.Trim();
        var end = text.IndexOfAny(ClauseEnds);
        var clause = (end < 0 ? text : text[..end]).Trim();
        return clause.Length <= max ? clause : clause[..max];
    }

    /// <summary>The entries of a list cell (units, kinds), trimmed, empty ones dropped, in order.</summary>
    public static IReadOnlyList<string> List(string cell) =>
        cell.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>One measure per line, with numbering such as "1." "1、" "（1）" "(1)" "①" taken off.</summary>
    public static IReadOnlyList<string> Measures(string cell) =>
        cell.Split(['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Numbering().Replace(line, "").Trim())
            .Where(line => line.Length > 0)
            .ToList();

    [GeneratedRegex(@"^(?:[（(]\s*\d{1,3}\s*[）)]|\d{1,3}\s*[.．、)）]|[\u2460-\u2473\u2776-\u277F])\s*")]
    private static partial Regex Numbering();

    /// <summary>
    /// A due date as offices write it: 2024-12-31, 2024/12/31, 2024.12.31, 2024年12月31日, or the end of a year:
    /// "2024年底", "2024年年底", "2024年底前"; "年底前" alone is the end of <paramref name="defaultYear"/>.
    /// </summary>
    public static DateOnly? Date(string cell, int defaultYear)
    {
        var text = cell.Trim();
        if (YearEnd().Match(text) is { Success: true } end)
            return end.Groups["year"].Success ? EndOf(int.Parse(end.Groups["year"].Value, CultureInfo.InvariantCulture)) : EndOf(defaultYear);
        if (FullDate().Match(text) is not { Success: true } date)
            return null;
        var (y, m, d) = (Number(date, "y"), Number(date, "m"), Number(date, "d"));
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

        static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        static DateOnly? EndOf(int year) => year is >= 1 and <= 9999 ? new DateOnly(year, 12, 31) : null;
    }

    [GeneratedRegex(@"^(?:(?<year>\d{4})\s*年)?\s*(?:年)?底前?$")]
    private static partial Regex YearEnd();

    /// <summary>A spreadsheet's date-time ("2024-12-31 00:00:00") counts as its date.</summary>
    [GeneratedRegex(@"^(?<y>\d{4})\s*(?:[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<d>\d{1,2})(?:[ T]00:00(?::00)?)?|年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日?)$")]
    private static partial Regex FullDate();

    private static readonly Dictionary<string, DeadlineKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["立行立改"] = DeadlineKind.Immediate, ["immediate"] = DeadlineKind.Immediate,
        ["限期整改"] = DeadlineKind.ByDate, ["by_date"] = DeadlineKind.ByDate,
        ["长期坚持"] = DeadlineKind.Ongoing, ["ongoing"] = DeadlineKind.Ongoing,
    };

    /// <summary>The deadline kinds a cell names (several allowed); null when one of its entries is not a kind.</summary>
    public static IReadOnlyList<DeadlineKind>? DeadlineKinds(string cell)
    {
        var kinds = new List<DeadlineKind>();
        foreach (var word in List(cell))
        {
            if (!KindWords.TryGetValue(word, out var kind))
                return null;
            kinds.Add(kind);
        }
        return kinds.Distinct().Order().ToList();
    }

    /// <summary>The word a ledger uses for a deadline kind, as export writes it.</summary>
    public static string WordOf(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Immediate => "立行立改",
        DeadlineKind.ByDate => "限期整改",
        _ => "长期坚持",
    };

    private static readonly Dictionary<string, ProgressStatus> ProgressWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["尚未启动"] = ProgressStatus.NotStarted, ["未启动"] = ProgressStatus.NotStarted, ["not_started"] = ProgressStatus.NotStarted,
        ["正在推进"] = ProgressStatus.InProgress, ["推进中"] = ProgressStatus.InProgress, ["正在整改"] = ProgressStatus.InProgress,
        ["整改中"] = ProgressStatus.InProgress, ["in_progress"] = ProgressStatus.InProgress,
        ["基本完成"] = ProgressStatus.BasicallyCompleted, ["basically_completed"] = ProgressStatus.BasicallyCompleted,
        ["已完成整改"] = ProgressStatus.Completed, ["已完成"] = ProgressStatus.Completed, ["完成整改"] = ProgressStatus.Completed,
        ["completed"] = ProgressStatus.Completed,
    };

    /// <summary>The progress status a 完成情况 cell names, or null.</summary>
    public static ProgressStatus? Progress(string cell) =>
        ProgressWords.TryGetValue(cell.Trim(), out var status) ? status : null;

    /// <summary>The word a ledger uses for a progress status; the summary of a report whose row gave no text.</summary>
    public static string WordOf(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "尚未启动",
        ProgressStatus.InProgress => "正在推进",
        ProgressStatus.BasicallyCompleted => "基本完成",
        _ => "已完成整改",
    };

    /// <summary>是否重点: 是/否, Y/N, true/false, 1/0; null for anything else.</summary>
    public static bool? YesNo(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "true" or "1" or "重点" => true,
        "否" or "n" or "no" or "false" or "0" => false,
        _ => null,
    };

    private static readonly Dictionary<string, ItemCategory> CategoryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["大气"] = ItemCategory.Air, ["大气污染"] = ItemCategory.Air, ["air"] = ItemCategory.Air,
        ["水"] = ItemCategory.Water, ["水污染"] = ItemCategory.Water, ["水环境"] = ItemCategory.Water, ["water"] = ItemCategory.Water,
        ["土壤"] = ItemCategory.Soil, ["土壤污染"] = ItemCategory.Soil, ["soil"] = ItemCategory.Soil,
        ["固废"] = ItemCategory.SolidWaste, ["固体废物"] = ItemCategory.SolidWaste, ["solid_waste"] = ItemCategory.SolidWaste,
        ["生态"] = ItemCategory.Ecology, ["生态破坏"] = ItemCategory.Ecology, ["生态环境"] = ItemCategory.Ecology, ["ecology"] = ItemCategory.Ecology,
        ["噪声"] = ItemCategory.Noise, ["噪声污染"] = ItemCategory.Noise, ["noise"] = ItemCategory.Noise,
        ["辐射"] = ItemCategory.Radiation, ["radiation"] = ItemCategory.Radiation,
        ["其他"] = ItemCategory.Other, ["其它"] = ItemCategory.Other, ["other"] = ItemCategory.Other,
    };

    /// <summary>问题类别 in Chinese (大气, 水, 土壤, 固废, 生态, 噪声, 辐射, 其他) or the API's word; null for anything else.</summary>
    public static ItemCategory? Category(string cell) =>
        CategoryWords.TryGetValue(cell.Trim(), out var category) ? category : null;

    /// <summary>The Chinese word of a category, as export writes it.</summary>
    public static string WordOf(ItemCategory category) => category switch
    {
        ItemCategory.Air => "大气",
        ItemCategory.Water => "水",
        ItemCategory.Soil => "土壤",
        ItemCategory.SolidWaste => "固废",
        ItemCategory.Ecology => "生态",
        ItemCategory.Noise => "噪声",
        ItemCategory.Radiation => "辐射",
        _ => "其他",
    };

    /// <summary>
    /// 外部编号: "system/id" entries (system up to the first '/' or '：'/':'), one per line or separated by ';'/'；'.
    /// Null when an entry lacks either part.
    /// </summary>
    public static IReadOnlyList<(string System, string Id)>? ExternalRefs(string cell)
    {
        var refs = new List<(string, string)>();
        foreach (var entry in cell.Split(['\n', '\r', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = entry.IndexOfAny(['/', ':', '：']);
            if (cut <= 0 || cut == entry.Length - 1)
                return null;
            refs.Add((entry[..cut].Trim(), entry[(cut + 1)..].Trim()));
        }
        return refs;
    }
}
