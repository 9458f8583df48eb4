using Rectify.Domain.Common;

namespace Rectify.Domain.Inspections;

/// <summary>What can happen to an inspection; each names its audit action.</summary>
public abstract record InspectionEvent : DomainEvent;

public sealed record InspectionCreated : InspectionEvent
{
    public override string Action => "created";
}

/// <summary>The inspection's fields or its review chain were edited; which is in the recorded changes.</summary>
public sealed record InspectionEdited : InspectionEvent
{
    public override string Action => "updated";
}
