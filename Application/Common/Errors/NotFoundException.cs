namespace Rectify.Application.Common.Errors;

/// <summary>The resource does not exist, or the caller may not see it (answered as 404 either way).</summary>
public sealed class NotFoundException(string resource, object id) : Exception($"{resource} '{id}' was not found.");
