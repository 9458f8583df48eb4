using Rectify.Application.Auditing;
using Rectify.Application.Common;
using Rectify.Domain.Common;
using Rectify.Domain.Units;

namespace Rectify.UnitTests.Common;

/// <summary>The save path of units, inspections and clients: stamp, write the row, audit each event, mark saved.</summary>
public sealed class AggregateRepositoryTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Saved = Created.AddHours(2);

    private sealed class Store(List<string> calls) : IAggregateStore<OrgUnit>
    {
        public string EntityType => "unit";

        public Task WriteAsync(OrgUnit aggregate, CancellationToken cancellationToken)
        {
            calls.Add($"write {aggregate.Id} v{aggregate.Version} new={aggregate.IsNew} at {aggregate.UpdatedAt:HH:mm}");
            return Task.CompletedTask;
        }
    }

    private sealed class Audit(List<string> calls) : IAuditLog
    {
        public Task RecordAsync(string entityType, Guid entityId, int? entityVersion, IReadOnlyList<RecordedEvent> events,
            CancellationToken cancellationToken)
        {
            calls.Add($"audit {entityType} {entityId} v{entityVersion} {string.Join(",", events.Select(e => e.Event.Action))}");
            return Task.CompletedTask;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private readonly List<string> _calls = [];

    [SetUp]
    public void ForgetCalls() => _calls.Clear();

    private AggregateRepository<OrgUnit> Repository() =>
        new(new Store(_calls), new Audit(_calls), new FixedClock(Saved));

    private static OrgUnit NewUnit() =>
        OrgUnit.Create(Guid.NewGuid(), "HBJ", "区生态环境局", UnitKind.Department, null, null, null, Created);

    [Test]
    public async Task SaveAsync_WhenNew_InsertsAtVersionOneThenAuditsTheCreationAndMarksSaved()
    {
        var unit = NewUnit();

        await Repository().SaveAsync(unit, CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[] { $"write {unit.Id} v1 new=True at 11:00", $"audit unit {unit.Id} v1 created" }));
        Assert.That((unit.IsNew, unit.Events.Count, unit.Version), Is.EqualTo((false, 0, 1)));
    }

    [Test]
    public async Task SaveAsync_WhenChangedTwice_WritesTheNextVersionOnceAndAuditsBothEventsAtIt()
    {
        var unit = OrgUnit.Restore(Guid.NewGuid(), "HBJ", "区生态环境局", UnitKind.Department, null, "/x/", null, null, true, 3,
            Created, Created);
        unit.Edit(unit.Details with { Name = "区生态环境分局" }, unit.Active);
        unit.Edit(unit.Details, active: false);

        await Repository().SaveAsync(unit, CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[] { $"write {unit.Id} v4 new=False at 11:00", $"audit unit {unit.Id} v4 updated,updated" }));
        Assert.That((unit.Events.Count, unit.Version, unit.UpdatedAt), Is.EqualTo((0, 4, Saved)));
    }

    [Test]
    public async Task SaveAsync_WhenNothingHappened_WritesNothing()
    {
        var unit = OrgUnit.Restore(Guid.NewGuid(), "HBJ", "区生态环境局", UnitKind.Department, null, "/x/", null, null, true, 3,
            Created, Created);
        unit.Edit(unit.Details, unit.Active);

        await Repository().SaveAsync(unit, CancellationToken.None);

        Assert.That(_calls, Is.Empty);
        Assert.That((unit.Version, unit.UpdatedAt), Is.EqualTo((3, Created)));
    }
}
