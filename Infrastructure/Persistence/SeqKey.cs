namespace Rectify.Infrastructure.Persistence;

/// <summary>The keyset cursor of lists in insertion order: the sequence number of the last row served.</summary>
internal sealed record SeqKey(long Seq)
{
    public static readonly SeqKey Start = new(0);
}
