namespace Rectify.Infrastructure.Persistence.Clients;

internal static class ClientSql
{
    /// <summary>A key bound to a unit works only while that unit is active.</summary>
    private const string Select = """
        SELECT c.Seq, c.Id, c.Name, c.Scopes, c.UnitId, c.Active, c.Version, c.CreatedAt,
               CASE WHEN u.Active = 0 THEN 0 ELSE 1 END AS UnitActive
        FROM Clients c LEFT JOIN Units u ON u.Id = c.UnitId
        """;

    public const string FindById = $"{Select} WHERE c.Id = @Id";

    public const string FindByKeyHash = $"{Select} WHERE c.KeyHash = @KeyHash";

    public const string Count = "SELECT COUNT(*) FROM Clients";

    /// <summary>Scopes are stored space-separated; "admin" is no part of another scope's name.</summary>
    public const string CountActiveAdmins = "SELECT COUNT(*) FROM Clients WHERE Active = 1 AND Scopes LIKE '%admin%'";

    public static readonly DialectSql List = DialectSql.Limited($"""
        {Select}
        WHERE c.Seq > @AfterSeq
        ORDER BY c.Seq
        """);

    public const string Insert = """
        INSERT INTO Clients (Id, Name, KeyHash, Scopes, UnitId, Active, Version, CreatedAt)
        VALUES (@Id, @Name, @KeyHash, @Scopes, @UnitId, @Active, @Version, @CreatedAt)
        """;

    public const string UpdateActive = """
        UPDATE Clients SET Active = @Active, Version = @Version
        WHERE Id = @Id AND Version = @PreviousVersion
        """;
}
