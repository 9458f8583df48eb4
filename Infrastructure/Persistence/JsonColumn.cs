using System.Text.Json;
using Rectify.Infrastructure.Persistence.Auditing;

namespace Rectify.Infrastructure.Persistence;

/// <summary>Small lists that are only ever read whole (sign-off steps, evidence) are stored as JSON text.</summary>
internal static class JsonColumn
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, AuditJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, AuditJson.Options)
                                            ?? throw new InvalidOperationException("A stored JSON column is empty.");
}
