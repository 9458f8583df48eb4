namespace Rectify.Infrastructure.Persistence.Inspections;

internal static class InspectionSql
{
    private const string Columns = "Seq, Id, Kind, Level, Title, Round, Batch, TeamName, Year, FeedbackDate, PlanDueDate, " +
                                   "DocumentNumber, SignOffSteps, Version, CreatedAt, UpdatedAt";

    public const string FindById = $"SELECT {Columns} FROM Inspections WHERE Id = @Id";

    public static readonly DialectSql List = DialectSql.Limited($"""
        SELECT {Columns} FROM Inspections
        WHERE Seq > @AfterSeq
          AND (@Kind IS NULL OR Kind = @Kind)
          AND (@Year IS NULL OR Year = @Year)
          AND (@Pattern IS NULL OR Title LIKE @Pattern ESCAPE '\' OR TeamName LIKE @Pattern ESCAPE '\' OR DocumentNumber LIKE @Pattern ESCAPE '\')
        ORDER BY Seq
        """);

    public const string CountItemsUnderReview =
        "SELECT COUNT(*) FROM Items WHERE InspectionId = @InspectionId AND SignOffStatus = 'requested'";

    public const string Insert = """
        INSERT INTO Inspections (Id, Kind, Level, Title, Round, Batch, TeamName, Year, FeedbackDate, PlanDueDate,
                                 DocumentNumber, SignOffSteps, Version, CreatedAt, UpdatedAt)
        VALUES (@Id, @Kind, @Level, @Title, @Round, @Batch, @TeamName, @Year, @FeedbackDate, @PlanDueDate,
                @DocumentNumber, @SignOffSteps, @Version, @CreatedAt, @UpdatedAt)
        """;

    public const string Update = """
        UPDATE Inspections
        SET Kind = @Kind, Level = @Level, Title = @Title, Round = @Round, Batch = @Batch, TeamName = @TeamName,
            Year = @Year, FeedbackDate = @FeedbackDate, PlanDueDate = @PlanDueDate, DocumentNumber = @DocumentNumber,
            SignOffSteps = @SignOffSteps, Version = @Version, UpdatedAt = @UpdatedAt
        WHERE Id = @Id AND Version = @PreviousVersion
        """;
}
