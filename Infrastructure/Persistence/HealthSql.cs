namespace Rectify.Infrastructure.Persistence;

internal static class HealthSql
{
    /// <summary>Touches a migrated table, so "ready" also means "migrated".</summary>
    public const string Probe = "SELECT COUNT(*) FROM Clients";
}
