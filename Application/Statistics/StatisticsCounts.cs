using System.Text.Json.Serialization;

namespace Rectify.Application.Statistics;

/// <summary>
/// The figures offices report for a set of items (see DOMAIN "The figures offices report"). The counts come from the
/// database; the rates follow from them: percentages with one decimal, rounded half away from zero as the reports do,
/// and 0 for an empty set.
/// </summary>
public record StatisticsCounts
{
    /// <summary>反馈问题 / 具体问题</summary>
    public int Items { get; init; }

    /// <summary>方面: distinct non-empty aspects (party inspections).</summary>
    public int Aspects { get; init; }

    public int NotStarted { get; init; }
    public int InProgress { get; init; }
    public int BasicallyCompleted { get; init; }

    /// <summary>已完成整改, signed-off items included.</summary>
    public int Completed { get; init; }

    /// <summary>completed / items, in percent.</summary>
    public decimal CompletionRate => Percent(Completed, Items);

    /// <summary>Open items due on or before 31 December of the asOf year (overdue ones included).</summary>
    public int DueByYearEnd { get; init; }

    /// <summary>申请销号, under review.</summary>
    public int AwaitingSignOff { get; init; }

    /// <summary>退回</summary>
    public int Returned { get; init; }

    /// <summary>已销号</summary>
    public int SignedOff { get; init; }

    /// <summary>逾期: due date before asOf and not completed.</summary>
    public int Overdue { get; init; }

    /// <summary>The overdue test against the original due date, before any extension.</summary>
    public int OverdueAgainstOriginal { get; init; }

    /// <summary>整改措施</summary>
    public int MeasuresTotal { get; init; }
    public int MeasuresImplemented { get; init; }

    /// <summary>measuresImplemented / measuresTotal, in percent.</summary>
    public decimal MeasureRate => Percent(MeasuresImplemented, MeasuresTotal);

    /// <summary>反弹: recurrences recorded across the items.</summary>
    public int Recurrences { get; init; }

    /// <summary>Items with at least one recurrence.</summary>
    public int RecurredItems { get; init; }

    public static decimal Percent(int part, int whole) =>
        whole == 0 ? 0m : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The figures of one group, named by its key and a label a person reads.</summary>
public sealed record StatisticsGroup : StatisticsCounts
{
    public StatisticsGroup(string key, string label, StatisticsCounts counts) : base(counts)
    {
        Key = key;
        Label = label;
    }

    /// <summary>The inspection or unit id, or the snake_case category or progress status.</summary>
    [JsonPropertyOrder(-2)]
    public string Key { get; init; }

    /// <summary>The inspection title or unit name; the snake_case value for category and status.</summary>
    [JsonPropertyOrder(-1)]
    public string Label { get; init; }
}
