namespace Rectify.Infrastructure.Persistence.Clients;

internal static class ClientSql
{
    private const string Columns = "Seq, Id, Name, Scopes, UnitId, Active, CreatedAt";

    public const string FindById = $"SELECT {Columns} FROM Clients WHERE Id = @Id";

    public const string FindByKeyHash = $"SELECT {Columns} FROM Clients WHERE KeyHash = @KeyHash";

    public const string Count = "SELECT COUNT(*) FROM Clients";

    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM Clients
        WHERE Seq > @AfterSeq
        ORDER BY Seq
        """);

    public const string Insert = """
        INSERT INTO Clients (Id, Name, KeyHash, Scopes, UnitId, Active, CreatedAt)
        VALUES (@Id, @Name, @KeyHash, @Scopes, @UnitId, @Active, @CreatedAt)
        """;
}
