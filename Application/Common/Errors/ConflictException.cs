namespace Rectify.Application.Common.Errors;

/// <summary>The change clashes with data already stored, e.g. a duplicate code (answered as 409).</summary>
public sealed class ConflictException(string message) : Exception(message);
