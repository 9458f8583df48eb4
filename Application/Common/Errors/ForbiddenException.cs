namespace Rectify.Application.Common.Errors;

/// <summary>The key may see the resource but not do this to it (answered as 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
