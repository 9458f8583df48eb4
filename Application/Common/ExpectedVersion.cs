using Rectify.Application.Common.Errors;

namespace Rectify.Application.Common;

/// <summary>What the client's <c>If-Match</c> asked for: a particular version, or any (<c>*</c>).</summary>
public readonly record struct ExpectedVersion(int? Version)
{
    public static readonly ExpectedVersion Any = new(null);

    /// <summary>Throws 412 unless the stored version is the one the client read.</summary>
    public void Check(string resource, object id, int storedVersion)
    {
        if (Version is { } expected && expected != storedVersion)
            throw new StaleVersionException(resource, id);
    }
}
