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

/// <summary>A source of feedback items (an inspection round, a film, a batch of petitions…) and its sign-off chain.</summary>
public sealed class Inspection
{
    public const int MaxSignOffSteps = 10;

    public Guid Id { get; init; }
    public InspectionKind Kind { get; set; }
    public InspectionLevel Level { get; set; }
    public required string Title { get; set; }
    public int? Round { get; set; }
    public int? Batch { get; set; }
    public string? TeamName { get; set; }
    public int Year { get; set; }
    public DateOnly? FeedbackDate { get; set; }
    public DateOnly? PlanDueDate { get; set; }
    public string? DocumentNumber { get; set; }
    public IReadOnlyList<string> SignOffSteps { get; private set; } = [];
    public int Version { get; private set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static Inspection Restore(Guid id, InspectionKind kind, InspectionLevel level, string title, int? round,
        int? batch, string? teamName, int year, DateOnly? feedbackDate, DateOnly? planDueDate, string? documentNumber,
        IReadOnlyList<string> signOffSteps, int version, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new()
        {
            Id = id, Kind = kind, Level = level, Title = title, Round = round, Batch = batch, TeamName = teamName,
            Year = year, FeedbackDate = feedbackDate, PlanDueDate = planDueDate, DocumentNumber = documentNumber,
            SignOffSteps = signOffSteps, Version = version, CreatedAt = createdAt, UpdatedAt = updatedAt,
        };

    /// <summary>The review chain is data: its steps differ by province and by source kind.</summary>
    public void SetSignOffSteps(IReadOnlyList<string> steps)
    {
        var cleaned = steps.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (cleaned.Count is 0 or > MaxSignOffSteps)
            throw new DomainRuleException("sign_off_steps", $"A sign-off chain has 1 to {MaxSignOffSteps} steps.");
        SignOffSteps = cleaned;
    }

    public void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
