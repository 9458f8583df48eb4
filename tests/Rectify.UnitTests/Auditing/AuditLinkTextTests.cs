using Rectify.Infrastructure.Persistence.Auditing;

namespace Rectify.UnitTests.Auditing;

/// <summary>
/// What a link's HMAC covers: every stored field of the event, each its own JSON value, so no two different events
/// share a text. The old newline-joined text (kept only to check trails from before the key) did not manage that.
/// </summary>
public sealed class AuditLinkTextTests
{
    private static AuditEventRow Event(string action = "updated", string actorName = "办公室", Guid? id = null, int? entityVersion = 2,
        int? eventsInSave = 1) => new()
    {
        Id = id ?? Guid.Parse("0199a000-0000-7000-8000-000000000010"),
        EntityType = "unit",
        EntityId = Guid.Parse("0199a000-0000-7000-8000-000000000001"),
        ChainIndex = 2,
        Action = action,
        ActorId = null,
        ActorName = actorName,
        OccurredAt = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero),
        Changes = "[]",
        EntityVersion = entityVersion,
        EventsInSave = eventsInSave,
        PrevHash = AuditEventRow.Genesis,
    };

    [Test]
    public void LinkedText_WhenANewlineInTheActorNameMimicsAFieldBoundary_DiffersWhereTheOldTextCollided()
    {
        // The old text joins ...Action, ActorId ("" when none), ActorName... with newlines: a newline moved from the front
        // of the actor's name to the end of the action gives the same text.
        var plain = Event(action: "updated", actorName: "\n张三");
        var forged = Event(action: "updated\n", actorName: "张三");

        Assert.That(forged.UnkeyedLinkedText(), Is.EqualTo(plain.UnkeyedLinkedText()), "the old text is ambiguous");
        Assert.That(forged.LinkedText(), Is.Not.EqualTo(plain.LinkedText()));
    }

    [Test]
    public void LinkedText_CoversTheEventIdAndItsSave()
    {
        var text = Event().LinkedText();

        Assert.That(Event(id: Guid.Parse("0199a000-0000-7000-8000-000000000011")).LinkedText(), Is.Not.EqualTo(text));
        Assert.That(Event(entityVersion: 3).LinkedText(), Is.Not.EqualTo(text));
        Assert.That(Event(entityVersion: null).LinkedText(), Is.Not.EqualTo(text));
        Assert.That(Event(eventsInSave: 2).LinkedText(), Is.Not.EqualTo(text));
    }

    [Test]
    public void LinkedText_IsAJsonArrayOfTheFieldsAfterAFormatTag() =>
        Assert.That(Event(actorName: "a\"b").LinkedText(), Is.EqualTo(
            "[\"rectify-audit-link-v2\",\"" + AuditEventRow.Genesis + "\",\"0199a000-0000-7000-8000-000000000010\",\"unit\"," +
            "\"0199a000-0000-7000-8000-000000000001\",2,2,1,\"updated\",null,\"a\\u0022b\",\"2026-03-15T10:00:00.0000000Z\",\"[]\"]"));
}
