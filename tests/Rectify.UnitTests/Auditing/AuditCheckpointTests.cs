using System.Security.Cryptography;
using System.Text;
using Rectify.Application.Auditing;

namespace Rectify.UnitTests.Auditing;

/// <summary>What a checkpoint's signature covers: its id, instant and every head, whatever order they are listed in.</summary>
public sealed class AuditCheckpointTests
{
    private sealed class Key : IAuditKey
    {
        private readonly byte[] _bytes = RandomNumberGenerator.GetBytes(32);

        public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_bytes, Encoding.UTF8.GetBytes(text)));

        public bool Verifies(string text, string signature) => Sign(text) == signature;
    }

    private static readonly ChainHead Unit = new("unit", Guid.Parse("0199a000-0000-7000-8000-000000000001"), 3, new string('a', 64));
    private static readonly ChainHead Item = new("item", Guid.Parse("0199a000-0000-7000-8000-000000000002"), 7, new string('b', 64));

    private static AuditCheckpoint Signed(IAuditKey key, params ChainHead[] heads)
    {
        var unsigned = new AuditCheckpoint(Guid.Parse("0199a000-0000-7000-8000-0000000000ff"),
            new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8)), heads, "");
        return unsigned with { Signature = key.Sign(unsigned.SignedText()) };
    }

    [Test]
    public void SignedText_ListsEveryHeadInOrdinalOrder_AfterTheIdAndTheUtcInstant() =>
        Assert.That(Signed(new Key(), Unit, Item).SignedText(), Is.EqualTo(
            "rectify-audit-checkpoint-v1\n0199a000-0000-7000-8000-0000000000ff\n2026-03-15T02:00:00.0000000Z\n" +
            $"item 0199a000-0000-7000-8000-000000000002 7 {new string('b', 64)}\n" +
            $"unit 0199a000-0000-7000-8000-000000000001 3 {new string('a', 64)}\n"));

    [Test]
    public void IsSignedWith_WhenTheHeadsAreListedInAnotherOrder_IsTrue()
    {
        var key = new Key();
        var checkpoint = Signed(key, Unit, Item);

        Assert.That((checkpoint with { Heads = [Item, Unit] }).IsSignedWith(key), Is.True);
    }

    [Test]
    public void IsSignedWith_WhenAHeadIsShortenedOrDropped_OrTheKeyDiffers_IsFalse()
    {
        var key = new Key();
        var checkpoint = Signed(key, Unit, Item);

        Assert.That((checkpoint with { Heads = [Unit with { Length = 2 }, Item] }).IsSignedWith(key), Is.False);
        Assert.That((checkpoint with { Heads = [Unit] }).IsSignedWith(key), Is.False);
        Assert.That(checkpoint.IsSignedWith(new Key()), Is.False);
    }
}
