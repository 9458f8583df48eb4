namespace Rectify.Domain.Common;

/// <summary>One field of a change, with its value before and after (null when absent).</summary>
public sealed record FieldChange(string Field, object? Old, object? New);

/// <summary>
/// Something that happened to an aggregate, recorded by the method that made it happen. <see cref="Action"/> is
/// the word the audit trail shows; <see cref="Details"/> are the change's own values beyond the aggregate's fields
/// (the new report, the review…).
/// </summary>
public abstract record DomainEvent
{
    public abstract string Action { get; }

    public virtual IEnumerable<FieldChange> Details => [];
}

/// <summary>An event as recorded, with the aggregate's audited fields it changed (old → new).</summary>
public sealed record RecordedEvent(Guid Id, DomainEvent Event, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// An aggregate changes only through its own methods, each of which records what happened. The aggregate keeps a
/// snapshot of its audited fields, so every event carries exactly the fields it changed; the save path writes the
/// row once, then one audit event (and outbox rows) per recorded event.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<RecordedEvent> _events = [];
    private List<KeyValuePair<string, object?>>? _snapshot;

    public Guid Id { get; protected init; }
    public int Version { get; private set; } = 1;
    public DateTimeOffset CreatedAt { get; protected init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Created in this unit of work and not saved yet: the save inserts instead of updating.</summary>
    public bool IsNew { get; private set; }

    /// <summary>What happened since the aggregate was loaded or created, oldest first.</summary>
    public IReadOnlyList<RecordedEvent> Events => _events;

    /// <summary>The fields the audit trail follows, by name, in a stable order.</summary>
    protected abstract IEnumerable<KeyValuePair<string, object?>> AuditedFields();

    protected void Created(DateTimeOffset now)
    {
        IsNew = true;
        UpdatedAt = now;
    }

    /// <summary>Called once a stored aggregate is rebuilt: later events are measured against this state.</summary>
    protected void Restored(int version, DateTimeOffset updatedAt)
    {
        Version = version;
        UpdatedAt = updatedAt;
        _snapshot = AuditedFields().ToList();
    }

    protected void Record(DomainEvent domainEvent)
    {
        var after = AuditedFields().ToList();
        var changes = new List<FieldChange>();
        for (var i = 0; i < after.Count; i++)
        {
            var before = _snapshot?[i].Value;
            if (!Equals(before, after[i].Value))
                changes.Add(new FieldChange(after[i].Key, before, after[i].Value));
        }
        changes.AddRange(domainEvent.Details);
        _events.Add(new RecordedEvent(Guid.CreateVersion7(), domainEvent, changes));
        _snapshot = after;
    }

    /// <summary>
    /// The save path's first step: a stored aggregate with events moves to its next version (its ETag), stamped now.
    /// Returns false when nothing happened, so nothing is written.
    /// </summary>
    public bool StampChanges(DateTimeOffset now)
    {
        if (_events.Count == 0)
            return false;
        if (!IsNew)
            Version++;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The save path's last step: the events are written, the aggregate is as stored.</summary>
    public void MarkSaved()
    {
        _events.Clear();
        IsNew = false;
    }
}
