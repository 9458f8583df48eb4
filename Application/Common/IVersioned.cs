namespace Rectify.Application.Common;

/// <summary>A single resource whose version is its ETag.</summary>
public interface IVersioned
{
    int Version { get; }
}
