namespace Rectify.Domain.Common;

/// <summary>A business rule that depends on the current state refused the change (answered as 409).</summary>
public sealed class DomainRuleException(string rule, string message, IReadOnlyDictionary<string, object?>? details = null)
    : Exception(message)
{
    /// <summary>A stable, machine-readable name of the rule, e.g. <c>unit_cycle</c>.</summary>
    public string Rule { get; } = rule;

    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}
