namespace Rectify.Infrastructure.Persistence.Items;

internal static class ItemSql
{
    internal const string Columns = """
        i.Seq, i.Id, i.InspectionId, i.Code, i.Title, i.Description, i.Requirement, i.Target, i.Category, i.Area,
        i.Industry, i.Aspect, i.IsKey, i.ResponsiblePerson, i.ResponsiblePhone, i.DeadlineKinds, i.DueDate,
        i.OriginalDueDate, i.ProgressStatus, i.ScheduleStatus, i.SignOffStatus, i.SignOffStepIndex, i.SignOffRound,
        i.QuantityTarget, i.QuantityDone, i.QuantityUnit, i.Obstacles, i.RecurrenceCount, i.CreatedAt, i.UpdatedAt,
        i.CompletedAt, i.SignedOffAt, i.Version, i.MeasuresTotal, i.MeasuresImplemented, ins.SignOffSteps
        """;

    /// <summary>A unit-bound key sees an item when its unit, or one below it, holds any role on the item.</summary>
    internal const string InScope = """
        (@ScopePattern IS NULL OR EXISTS (
            SELECT 1 FROM ItemUnits su JOIN Units u ON u.Id = su.UnitId
            WHERE su.ItemId = i.Id AND u.Path LIKE @ScopePattern))
        """;

    /// <summary>The unit filter: items where the unit, or (with a pattern) a unit below it, holds any role.</summary>
    internal const string ForUnit = """
        (@UnitId IS NULL OR EXISTS (
            SELECT 1 FROM ItemUnits fu JOIN Units u ON u.Id = fu.UnitId
            WHERE fu.ItemId = i.Id AND (fu.UnitId = @UnitId OR (@UnitPattern IS NOT NULL AND u.Path LIKE @UnitPattern))))
        """;

    private const string LatestReportedOn =
        "(SELECT MAX(pr.ReportedOn) FROM ProgressReports pr WHERE pr.ItemId = i.Id) AS LatestReportedOn";

    public const string FindById = $"""
        SELECT {Columns}, {LatestReportedOn}
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.Id = @Id AND {InScope}
        """;

    /// <summary>
    /// A command reads the aggregate before writing it: on SQL Server the row is update-locked until commit, so two
    /// changes to one item queue instead of one failing its version check (SQLite's writers already queue).
    /// </summary>
    public static readonly DialectSql FindByIdForUpdate = new(FindById, $"""
        SELECT {Columns}, {LatestReportedOn}
        FROM Items i WITH (UPDLOCK, ROWLOCK) JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.Id = @Id AND {InScope}
        """);

    public const string MeasuresOfItem = """
        SELECT Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt
        FROM Measures WHERE ItemId = @ItemId ORDER BY Seq
        """;

    /// <summary>
    /// Everything the aggregate owns besides its row, in one command: measures, the open sign-off request, the
    /// extensions, the units and the external references.
    /// </summary>
    public const string ChildrenOfItem = $"""
        {MeasuresOfItem};
        {SignOffSql.FindPendingRequest};
        {ExtensionSql.List};
        SELECT ItemId, UnitId, Role FROM ItemUnits WHERE ItemId = @ItemId;
        SELECT ItemId, System, ExternalId FROM ItemExternalRefs WHERE ItemId = @ItemId
        """;

    public const string CodeExists = """
        SELECT COUNT(*) FROM Items
        WHERE InspectionId = @InspectionId AND Code = @Code AND (@ExceptId IS NULL OR Id <> @ExceptId)
        """;

    public const string CodesOfInspection = """
        SELECT Id, Code FROM Items WHERE InspectionId = @InspectionId
        """;

    public const string FindRefHolder = """
        SELECT ItemId, System, ExternalId FROM ItemExternalRefs
        WHERE System = @System AND ExternalId = @ExternalId AND (@ExceptId IS NULL OR ItemId <> @ExceptId)
        """;

    private const string ItemColumns = """
        Id, InspectionId, Code, Title, Description, Requirement, Target, Category, Area, Industry, Aspect, IsKey,
        ResponsiblePerson, ResponsiblePhone, DeadlineKinds, DueDate, OriginalDueDate, ProgressStatus, ScheduleStatus,
        SignOffStatus, SignOffStepIndex, SignOffRound, QuantityTarget, QuantityDone, QuantityUnit, Obstacles,
        RecurrenceCount, CreatedAt, UpdatedAt, CompletedAt, SignedOffAt, Version, MeasuresTotal, MeasuresImplemented, Holders,
        LeadUnitId
        """;

    private const string ItemValues = """
        @Id, @InspectionId, @Code, @Title, @Description, @Requirement, @Target, @Category, @Area, @Industry, @Aspect, @IsKey,
        @ResponsiblePerson, @ResponsiblePhone, @DeadlineKinds, @DueDate, @OriginalDueDate, @ProgressStatus, @ScheduleStatus,
        @SignOffStatus, @SignOffStepIndex, @SignOffRound, @QuantityTarget, @QuantityDone, @QuantityUnit, @Obstacles,
        @RecurrenceCount, @CreatedAt, @UpdatedAt, @CompletedAt, @SignedOffAt, @Version, @MeasuresTotal, @MeasuresImplemented,
        @Holders, @LeadUnitId
        """;

    /// <summary>
    /// The next change-feed position. SQLite has one writer at a time (write transactions begin IMMEDIATE), so a
    /// number taken inside the write transaction is also the commit order. SQL Server's rowversion moves by itself.
    /// </summary>
    private const string NextChangeSeq = "(SELECT COALESCE(MAX(ChangeSeq), 0) + 1 FROM Items)";

    public static readonly DialectSql Insert = new($"""
        INSERT INTO Items ({ItemColumns}, ChangeSeq)
        VALUES ({ItemValues}, {NextChangeSeq})
        """, $"""
        INSERT INTO Items ({ItemColumns})
        VALUES ({ItemValues})
        """);

    private const string UpdateSet = """
        UPDATE Items
        SET Code = @Code, Title = @Title, Description = @Description, Requirement = @Requirement, Target = @Target,
            Category = @Category, Area = @Area, Industry = @Industry, Aspect = @Aspect, IsKey = @IsKey,
            ResponsiblePerson = @ResponsiblePerson, ResponsiblePhone = @ResponsiblePhone, DeadlineKinds = @DeadlineKinds,
            DueDate = @DueDate, OriginalDueDate = @OriginalDueDate, ProgressStatus = @ProgressStatus,
            ScheduleStatus = @ScheduleStatus, SignOffStatus = @SignOffStatus, SignOffStepIndex = @SignOffStepIndex,
            SignOffRound = @SignOffRound, QuantityTarget = @QuantityTarget, QuantityDone = @QuantityDone,
            QuantityUnit = @QuantityUnit, Obstacles = @Obstacles, RecurrenceCount = @RecurrenceCount,
            UpdatedAt = @UpdatedAt, CompletedAt = @CompletedAt, SignedOffAt = @SignedOffAt, Version = @Version,
            MeasuresTotal = @MeasuresTotal, MeasuresImplemented = @MeasuresImplemented, Holders = @Holders,
            LeadUnitId = @LeadUnitId
        """;

    private const string UpdateWhere = "WHERE Id = @Id AND Version = @PreviousVersion";

    public static readonly DialectSql Update = new($"""
        {UpdateSet},
            ChangeSeq = {NextChangeSeq}
        {UpdateWhere}
        """, $"""
        {UpdateSet}
        {UpdateWhere}
        """);

    public const string DeleteUnits = "DELETE FROM ItemUnits WHERE ItemId = @ItemId";

    public const string InsertUnit = "INSERT INTO ItemUnits (ItemId, UnitId, Role) VALUES (@ItemId, @UnitId, @Role)";

    public const string DeleteRefs = "DELETE FROM ItemExternalRefs WHERE ItemId = @ItemId";

    public const string InsertRef = "INSERT INTO ItemExternalRefs (ItemId, System, ExternalId) VALUES (@ItemId, @System, @ExternalId)";

    public const string InsertMeasure = """
        INSERT INTO Measures (Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt)
        VALUES (@Id, @ItemId, @Description, @UnitId, @DueDate, @Implemented, @ImplementedOn, @CreatedAt, @UpdatedAt)
        """;

    public const string UpdateMeasure = """
        UPDATE Measures
        SET Description = @Description, UnitId = @UnitId, DueDate = @DueDate, Implemented = @Implemented,
            ImplementedOn = @ImplementedOn, UpdatedAt = @UpdatedAt
        WHERE Id = @Id AND ItemId = @ItemId
        """;
}
