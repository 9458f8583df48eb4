namespace Rectify.Application.Common.Errors;

/// <summary>A change was sent without <c>If-Match</c> (answered as 428).</summary>
public sealed class PreconditionRequiredException()
    : Exception("This change needs an If-Match header holding the ETag of the version you read (or *).");
