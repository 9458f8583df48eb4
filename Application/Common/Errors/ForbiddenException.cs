namespace Rectify.Application.Common.Errors;

/// <summary>The key may see the resource but not do this to it (answered as 403, naming the <paramref name="rule"/>).</summary>
public sealed class ForbiddenException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
