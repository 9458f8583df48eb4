namespace Rectify.Application.Common.Errors;

/// <summary>The client's <c>If-Match</c> version is no longer the stored one (answered as 412).</summary>
public sealed class StaleVersionException(string resource, object id)
    : Exception($"{resource} '{id}' has changed since it was read; fetch it again and retry with its current ETag.");
