namespace Rectify.Infrastructure.Persistence.Units;

internal static class UnitSql
{
    private const string Columns =
        "Seq, Id, Code, Name, Kind, ParentId, Path, ContactName, ContactPhone, Active, Version, CreatedAt, UpdatedAt";

    public const string FindById = $"SELECT {Columns} FROM Units WHERE Id = @Id";

    /// <summary>Update-locked on SQL Server: two moves in the tree queue, so neither can build a cycle with the other.</summary>
    public static readonly DialectSql FindByIdForUpdate = new(FindById, $"SELECT {Columns} FROM Units WITH (UPDLOCK, ROWLOCK) WHERE Id = @Id");

    public const string FindByIds = $"SELECT {Columns} FROM Units WHERE Id IN @Ids";

    public const string CodeExists =
        "SELECT COUNT(*) FROM Units WHERE Code = @Code AND (@ExceptId IS NULL OR Id <> @ExceptId)";

    public const string Descendants = $"SELECT {Columns} FROM Units WHERE Path LIKE @Pattern AND Id <> @Id ORDER BY Seq";

    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM Units
        WHERE Seq > @AfterSeq
          AND (@ParentId IS NULL OR ParentId = @ParentId)
          AND (@Active IS NULL OR Active = @Active)
          AND (@Pattern IS NULL OR Code LIKE @Pattern ESCAPE '\' OR Name LIKE @Pattern ESCAPE '\')
          AND (@Subtree IS NULL OR Path LIKE @Subtree OR Id IN @Ancestors)
        ORDER BY Seq
        """);

    public const string Insert = """
        INSERT INTO Units (Id, Code, Name, Kind, ParentId, Path, ContactName, ContactPhone, Active, Version, CreatedAt, UpdatedAt)
        VALUES (@Id, @Code, @Name, @Kind, @ParentId, @Path, @ContactName, @ContactPhone, @Active, @Version, @CreatedAt, @UpdatedAt)
        """;

    public const string Update = """
        UPDATE Units
        SET Code = @Code, Name = @Name, Kind = @Kind, ParentId = @ParentId, Path = @Path, ContactName = @ContactName,
            ContactPhone = @ContactPhone, Active = @Active, Version = @Version, UpdatedAt = @UpdatedAt
        WHERE Id = @Id AND Version = @PreviousVersion
        """;
}
