namespace Rectify.Application.Statistics;

/// <summary>
/// Adds up the figures of disjoint sets of items, each set of one aspect (or none): the sums add, and the aspects are
/// counted once each, told apart by their text.
/// </summary>
public sealed class StatisticsTally
{
    private readonly HashSet<string> _aspects = new(StringComparer.Ordinal);
    private StatisticsCounts _sum = new();

    public void Add(StatisticsCounts counts, string? aspect)
    {
        if (aspect is not null)
            _aspects.Add(aspect);
        _sum = new StatisticsCounts
        {
            Items = _sum.Items + counts.Items,
            NotStarted = _sum.NotStarted + counts.NotStarted,
            InProgress = _sum.InProgress + counts.InProgress,
            BasicallyCompleted = _sum.BasicallyCompleted + counts.BasicallyCompleted,
            Completed = _sum.Completed + counts.Completed,
            DueByYearEnd = _sum.DueByYearEnd + counts.DueByYearEnd,
            AwaitingSignOff = _sum.AwaitingSignOff + counts.AwaitingSignOff,
            Returned = _sum.Returned + counts.Returned,
            SignedOff = _sum.SignedOff + counts.SignedOff,
            Overdue = _sum.Overdue + counts.Overdue,
            OverdueAgainstOriginal = _sum.OverdueAgainstOriginal + counts.OverdueAgainstOriginal,
            MeasuresTotal = _sum.MeasuresTotal + counts.MeasuresTotal,
            MeasuresImplemented = _sum.MeasuresImplemented + counts.MeasuresImplemented,
            Recurrences = _sum.Recurrences + counts.Recurrences,
            RecurredItems = _sum.RecurredItems + counts.RecurredItems,
        };
    }

    public StatisticsCounts Counts => _sum with { Aspects = _aspects.Count };

    public static StatisticsCounts Of(IEnumerable<(StatisticsCounts Counts, string? Aspect)> rows)
    {
        var tally = new StatisticsTally();
        foreach (var (counts, aspect) in rows)
            tally.Add(counts, aspect);
        return tally.Counts;
    }
}
