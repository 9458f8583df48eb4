using Rectify.Application.Common.Errors;

namespace Rectify.Application.Common;

/// <summary>What the client's <c>If-Match</c> asked for: one of these versions, or any (<c>*</c>, when null).</summary>
public readonly record struct ExpectedVersion(IReadOnlyList<int>? Versions)
{
    public static readonly ExpectedVersion Any = new(null);

    /// <summary>Throws 412 unless the stored version is one the client named.</summary>
    public void Check(string resource, object id, int storedVersion)
    {
        if (Versions is not null && !Versions.Contains(storedVersion))
            throw new StaleVersionException(resource, id);
    }
}
