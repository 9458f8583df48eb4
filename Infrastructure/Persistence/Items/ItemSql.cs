namespace Rectify.Infrastructure.Persistence.Items;

internal static class ItemSql
{
    private const string Columns = """
        i.Seq, i.Id, i.InspectionId, i.Code, i.Title, i.Description, i.Requirement, i.Target, i.Category, i.Area,
        i.Industry, i.Aspect, i.IsKey, i.ResponsiblePerson, i.ResponsiblePhone, i.DeadlineKinds, i.DueDate,
        i.OriginalDueDate, i.ProgressStatus, i.ScheduleStatus, i.SignOffStatus, i.SignOffStepIndex, i.SignOffRound,
        i.QuantityTarget, i.QuantityDone, i.QuantityUnit, i.Obstacles, i.RecurrenceCount, i.CreatedAt, i.UpdatedAt,
        i.CompletedAt, i.SignedOffAt, i.Version, ins.SignOffSteps
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

    public const string UnitsOfItems = "SELECT ItemId, UnitId, Role FROM ItemUnits WHERE ItemId IN @Ids";

    public const string RefsOfItems = "SELECT ItemId, System, ExternalId FROM ItemExternalRefs WHERE ItemId IN @Ids";

    /// <summary>
    /// Everything the aggregate owns besides its row, in one command: measures, the open sign-off request, the
    /// extensions, the units and the external references.
    /// </summary>
    public const string ChildrenOfItem = $"""
        SELECT Id, ItemId, Description, UnitId, DueDate, Implemented, ImplementedOn, CreatedAt, UpdatedAt
        FROM Measures WHERE ItemId = @ItemId ORDER BY Seq;
        {SignOffSql.FindPendingRequest};
        {ExtensionSql.List};
        SELECT ItemId, UnitId, Role FROM ItemUnits WHERE ItemId = @ItemId;
        SELECT ItemId, System, ExternalId FROM ItemExternalRefs WHERE ItemId = @ItemId
        """;

    public const string CodeExists = """
        SELECT COUNT(*) FROM Items
        WHERE InspectionId = @InspectionId AND Code = @Code AND (@ExceptId IS NULL OR Id <> @ExceptId)
        """;

    public const string FindRefHolder = """
        SELECT ItemId, System, ExternalId FROM ItemExternalRefs
        WHERE System = @System AND ExternalId = @ExternalId AND (@ExceptId IS NULL OR ItemId <> @ExceptId)
        """;

    private const string ListColumns = $"""
        {Columns},
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id) AS MeasuresTotal,
               (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id AND m.Implemented = 1) AS MeasuresImplemented
        """;

    private const string ListFrom = $"""
        SELECT {ListColumns}
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE {InScope}
          AND (@InspectionId IS NULL OR i.InspectionId = @InspectionId)
          AND (@InspectionKind IS NULL OR ins.Kind = @InspectionKind)
          AND {ForUnit}
          AND (@ProgressStatus IS NULL OR i.ProgressStatus = @ProgressStatus)
          AND (@SignOffStatus IS NULL OR i.SignOffStatus = @SignOffStatus)
          AND (@Category IS NULL OR i.Category = @Category)
          AND (@IsKey IS NULL OR i.IsKey = @IsKey)
          AND (@DueFrom IS NULL OR i.DueDate >= @DueFrom)
          AND (@DueTo IS NULL OR i.DueDate <= @DueTo)
          AND (@UpdatedSince IS NULL OR i.UpdatedAt >= @UpdatedSince)
          AND (@Pattern IS NULL OR i.Code LIKE @Pattern ESCAPE '\' OR i.Title LIKE @Pattern ESCAPE '\'
               OR i.Description LIKE @Pattern ESCAPE '\')
          AND (@Overdue IS NULL
               OR (@Overdue = 1 AND i.DueDate < @Today AND i.ProgressStatus <> 'completed')
               OR (@Overdue = 0 AND (i.DueDate IS NULL OR i.DueDate >= @Today OR i.ProgressStatus = 'completed')))
          AND (@WarningLevel IS NULL
               OR (@WarningLevel = 'red' AND i.ProgressStatus <> 'completed' AND i.DueDate < @Today)
               OR (@WarningLevel = 'yellow' AND i.ProgressStatus <> 'completed' AND (i.DueDate IS NULL OR i.DueDate >= @Today)
                   AND (i.DueDate <= @YellowDate OR i.ScheduleStatus = 'behind'))
               OR (@WarningLevel = 'blue' AND i.ProgressStatus <> 'completed' AND i.DueDate > @YellowDate
                   AND i.DueDate <= @BlueDate AND (i.ScheduleStatus IS NULL OR i.ScheduleStatus <> 'behind'))
               OR (@WarningLevel = 'none' AND (i.ProgressStatus = 'completed'
                   OR ((i.DueDate IS NULL OR i.DueDate > @BlueDate) AND (i.ScheduleStatus IS NULL OR i.ScheduleStatus <> 'behind')))))
        """;

    public static readonly DialectSql ListByCreated = DialectSql.Limited($"""
        {ListFrom}
          AND i.Seq > @AfterSeq
        ORDER BY i.Seq
        """);

    /// <summary>Items without a due date sort last: @NoDueDate is a date after every real one.</summary>
    public static readonly DialectSql ListByDueDate = DialectSql.Limited($"""
        {ListFrom}
          AND (@AfterDate IS NULL OR COALESCE(i.DueDate, @NoDueDate) > @AfterDate
               OR (COALESCE(i.DueDate, @NoDueDate) = @AfterDate AND i.Seq > @AfterSeq))
        ORDER BY COALESCE(i.DueDate, @NoDueDate), i.Seq
        """);

    public static readonly DialectSql ListByUpdatedAt = DialectSql.Limited($"""
        {ListFrom}
          AND (@AfterInstant IS NULL OR i.UpdatedAt > @AfterInstant OR (i.UpdatedAt = @AfterInstant AND i.Seq > @AfterSeq))
        ORDER BY i.UpdatedAt, i.Seq
        """);

    public static readonly DialectSql ListByCode = DialectSql.Limited($"""
        {ListFrom}
          AND (@AfterText IS NULL OR i.Code > @AfterText OR (i.Code = @AfterText AND i.Seq > @AfterSeq))
        ORDER BY i.Code, i.Seq
        """);

    /// <summary>
    /// The change feed: items whose latest change lies after the position @After, in commit order. SQLite's counter is
    /// handed out by serial writers, so every number below the largest one read has committed. SQL Server's writers run
    /// concurrently, so the read stops below the oldest rowversion still in flight; that bound is taken before the
    /// SELECT starts so that what lies below it has committed before the SELECT reads (also under RCSI).
    /// </summary>
    public static readonly DialectSql Changes = new($"""
        SELECT {ListColumns}, i.ChangeSeq AS ChangePosition
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.ChangeSeq > @After AND {InScope}
        ORDER BY i.ChangeSeq
        LIMIT @Limit
        """, $"""
        DECLARE @InFlight BINARY(8) = MIN_ACTIVE_ROWVERSION();
        SELECT {ListColumns}, CAST(i.ChangeVersion AS BIGINT) AS ChangePosition
        FROM Items i JOIN Inspections ins ON ins.Id = i.InspectionId
        WHERE i.ChangeVersion > CAST(@After AS BINARY(8)) AND i.ChangeVersion < @InFlight AND {InScope}
        ORDER BY i.ChangeVersion
        OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY
        """);

    private const string ItemColumns = """
        Id, InspectionId, Code, Title, Description, Requirement, Target, Category, Area, Industry, Aspect, IsKey,
        ResponsiblePerson, ResponsiblePhone, DeadlineKinds, DueDate, OriginalDueDate, ProgressStatus, ScheduleStatus,
        SignOffStatus, SignOffStepIndex, SignOffRound, QuantityTarget, QuantityDone, QuantityUnit, Obstacles,
        RecurrenceCount, CreatedAt, UpdatedAt, CompletedAt, SignedOffAt, Version
        """;

    private const string ItemValues = """
        @Id, @InspectionId, @Code, @Title, @Description, @Requirement, @Target, @Category, @Area, @Industry, @Aspect, @IsKey,
        @ResponsiblePerson, @ResponsiblePhone, @DeadlineKinds, @DueDate, @OriginalDueDate, @ProgressStatus, @ScheduleStatus,
        @SignOffStatus, @SignOffStepIndex, @SignOffRound, @QuantityTarget, @QuantityDone, @QuantityUnit, @Obstacles,
        @RecurrenceCount, @CreatedAt, @UpdatedAt, @CompletedAt, @SignedOffAt, @Version
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
            UpdatedAt = @UpdatedAt, CompletedAt = @CompletedAt, SignedOffAt = @SignedOffAt, Version = @Version
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
