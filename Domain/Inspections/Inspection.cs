using Rectify.Domain.Common;

namespace Rectify.Domain.Inspections;

public enum InspectionKind
{
    /// <summary>中央生态环境保护督察</summary>
    CentralInspection,
    /// <summary>中央督察"回头看"</summary>
    CentralLookback,
    /// <summary>省生态环境保护督察</summary>
    ProvincialInspection,
    /// <summary>省督察"回头看"</summary>
    ProvincialLookback,
    /// <summary>长江经济带生态环境警示片披露问题</summary>
    WarningFilm,
    /// <summary>巡察 / 巡视</summary>
    PartyInspection,
    /// <summary>督办件</summary>
    SupervisionCase,
    /// <summary>信访件 / 交办件</summary>
    Petition,
    /// <summary>自查</summary>
    SelfInspection,
    /// <summary>专项行动</summary>
    Campaign,
}

public enum InspectionLevel
{
    Central,
    Provincial,
    Municipal,
    County,
}

/// <summary>An inspection's own descriptive fields: what registering or editing it writes, besides its chain.</summary>
public sealed record InspectionDetails(
    InspectionKind Kind,
    InspectionLevel Level,
    string Title,
    int? Round,
    int? Batch,
    string? TeamName,
    int Year,
    DateOnly? FeedbackDate,
    DateOnly? PlanDueDate,
    string? DocumentNumber);

/// <summary>A source of feedback items (an inspection round, a film, a batch of petitions…) and its sign-off chain.</summary>
public sealed class Inspection : AggregateRoot
{
    public const int MaxSignOffSteps = 10;

    private Inspection(Guid id, InspectionDetails details, IReadOnlyList<string> signOffSteps, DateTimeOffset createdAt)
    {
        Id = id;
        Details = details;
        SignOffSteps = signOffSteps;
        CreatedAt = createdAt;
    }

    public InspectionDetails Details { get; private set; }
    public InspectionKind Kind => Details.Kind;
    public InspectionLevel Level => Details.Level;
    public string Title => Details.Title;
    public int? Round => Details.Round;
    public int? Batch => Details.Batch;
    public string? TeamName => Details.TeamName;
    public int Year => Details.Year;
    public DateOnly? FeedbackDate => Details.FeedbackDate;
    public DateOnly? PlanDueDate => Details.PlanDueDate;
    public string? DocumentNumber => Details.DocumentNumber;

    /// <summary>The review chain is data: its steps differ by province and by source kind.</summary>
    public IReadOnlyList<string> SignOffSteps { get; private set; }

    public static Inspection Create(Guid id, InspectionDetails details, IReadOnlyList<string> signOffSteps, DateTimeOffset now)
    {
        var inspection = new Inspection(id, details, CheckedSteps(signOffSteps), now);
        inspection.Created(now);
        inspection.Record(new InspectionCreated());
        return inspection;
    }

    /// <summary>Rebuilds an inspection from storage; no rules are checked and nothing is recorded.</summary>
    public static Inspection Restore(Guid id, InspectionKind kind, InspectionLevel level, string title, int? round,
        int? batch, string? teamName, int year, DateOnly? feedbackDate, DateOnly? planDueDate, string? documentNumber,
        IReadOnlyList<string> signOffSteps, int version, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var inspection = new Inspection(id,
            new InspectionDetails(kind, level, title, round, batch, teamName, year, feedbackDate, planDueDate, documentNumber),
            signOffSteps, createdAt);
        inspection.Restored(version, updatedAt);
        return inspection;
    }

    protected override IEnumerable<KeyValuePair<string, object?>> AuditedFields() =>
    [
        new("kind", Kind),
        new("level", Level),
        new("title", Title),
        new("round", Round),
        new("batch", Batch),
        new("teamName", TeamName),
        new("year", Year),
        new("feedbackDate", FeedbackDate),
        new("planDueDate", PlanDueDate),
        new("documentNumber", DocumentNumber),
        new("signOffSteps", string.Join(" → ", SignOffSteps)),
    ];

    /// <summary>
    /// Edits the inspection's fields and its review chain (steps trimmed, blank ones dropped, 1 to
    /// <see cref="MaxSignOffSteps"/> left). Nothing happens when nothing differs.
    /// </summary>
    public void Edit(InspectionDetails details, IReadOnlyList<string> signOffSteps)
    {
        var steps = CheckedSteps(signOffSteps);
        if (details == Details && steps.SequenceEqual(SignOffSteps))
            return;
        Details = details;
        SignOffSteps = steps;
        Record(new InspectionEdited());
    }

    private static List<string> CheckedSteps(IReadOnlyList<string> steps)
    {
        var cleaned = steps.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (cleaned.Count is 0 or > MaxSignOffSteps)
            throw new DomainRuleException("sign_off_steps", $"A sign-off chain has 1 to {MaxSignOffSteps} steps.");
        if (cleaned.Distinct().Count() != cleaned.Count)
            throw new DomainRuleException("sign_off_steps", "Each step of a sign-off chain has a name of its own.");
        return cleaned;
    }
}
