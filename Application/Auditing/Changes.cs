using Rectify.Domain.Common;
namespace Rectify.Application.Auditing;

/// <summary>Collects the fields that really changed between two snapshots of an entity.</summary>
public sealed class Changes
{
    private readonly List<FieldChange> _changes = [];

    public Changes Field<T>(string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
            _changes.Add(new FieldChange(field, before, after));
        return this;
    }

    public bool Any => _changes.Count > 0;

    public IReadOnlyList<FieldChange> ToList() => _changes;
}
