CREATE TABLE Inspections (
    Seq            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Inspections_Seq UNIQUE CLUSTERED,
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Inspections PRIMARY KEY NONCLUSTERED,
    Kind           NVARCHAR(30) NOT NULL,
    Level          NVARCHAR(30) NOT NULL,
    Title          NVARCHAR(500) NOT NULL,
    Round          INT NULL,
    Batch          INT NULL,
    TeamName       NVARCHAR(200) NULL,
    Year           INT NOT NULL,
    FeedbackDate   DATE NULL,
    PlanDueDate    DATE NULL,
    DocumentNumber NVARCHAR(200) NULL,
    SignOffSteps   NVARCHAR(MAX) NOT NULL,
    Version        INT NOT NULL,
    CreatedAt      DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt      DATETIMEOFFSET(7) NOT NULL
);

CREATE TABLE Items (
    Seq               BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Items_Seq UNIQUE CLUSTERED,
    Id                UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Items PRIMARY KEY NONCLUSTERED,
    InspectionId      UNIQUEIDENTIFIER NOT NULL REFERENCES Inspections (Id),
    Code              NVARCHAR(50) NOT NULL,
    Title             NVARCHAR(500) NOT NULL,
    Description       NVARCHAR(MAX) NULL,
    Requirement       NVARCHAR(MAX) NULL,
    Target            NVARCHAR(MAX) NULL,
    Category          NVARCHAR(30) NOT NULL,
    Area              NVARCHAR(200) NULL,
    Industry          NVARCHAR(200) NULL,
    Aspect            NVARCHAR(200) NULL,
    IsKey             BIT NOT NULL,
    ResponsiblePerson NVARCHAR(200) NULL,
    ResponsiblePhone  NVARCHAR(50) NULL,
    DeadlineKinds     NVARCHAR(100) NOT NULL,
    DueDate           DATE NULL,
    OriginalDueDate   DATE NULL,
    ProgressStatus    NVARCHAR(30) NOT NULL,
    ScheduleStatus    NVARCHAR(30) NULL,
    SignOffStatus     NVARCHAR(30) NOT NULL,
    SignOffStepIndex  INT NULL,
    SignOffRound      INT NOT NULL,
    QuantityTarget    DECIMAL(18, 4) NULL,
    QuantityDone      DECIMAL(18, 4) NULL,
    QuantityUnit      NVARCHAR(20) NULL,
    Obstacles         NVARCHAR(MAX) NULL,
    RecurrenceCount   INT NOT NULL,
    CreatedAt         DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt         DATETIMEOFFSET(7) NOT NULL,
    CompletedAt       DATETIMEOFFSET(7) NULL,
    SignedOffAt       DATETIMEOFFSET(7) NULL,
    Version           INT NOT NULL,
    CONSTRAINT UQ_Items_InspectionCode UNIQUE (InspectionId, Code)
);
CREATE INDEX IX_Items_DueDate ON Items (DueDate, Seq);
CREATE INDEX IX_Items_UpdatedAt ON Items (UpdatedAt, Seq);

CREATE TABLE ItemUnits (
    ItemId UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    UnitId UNIQUEIDENTIFIER NOT NULL REFERENCES Units (Id),
    Role   NVARCHAR(30) NOT NULL,
    CONSTRAINT PK_ItemUnits PRIMARY KEY (ItemId, UnitId)
);
CREATE INDEX IX_ItemUnits_UnitId ON ItemUnits (UnitId);

CREATE TABLE ItemExternalRefs (
    ItemId     UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    System     NVARCHAR(100) NOT NULL,
    ExternalId NVARCHAR(100) NOT NULL,
    CONSTRAINT PK_ItemExternalRefs PRIMARY KEY (System, ExternalId)
);
CREATE INDEX IX_ItemExternalRefs_ItemId ON ItemExternalRefs (ItemId);

CREATE TABLE Measures (
    Seq           BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Measures_Seq UNIQUE CLUSTERED,
    Id            UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Measures PRIMARY KEY NONCLUSTERED,
    ItemId        UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    Description   NVARCHAR(MAX) NOT NULL,
    UnitId        UNIQUEIDENTIFIER NULL REFERENCES Units (Id),
    DueDate       DATE NULL,
    Implemented   BIT NOT NULL,
    ImplementedOn DATE NULL,
    CreatedAt     DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt     DATETIMEOFFSET(7) NOT NULL
);
CREATE INDEX IX_Measures_ItemId ON Measures (ItemId, Seq);

CREATE TABLE ProgressReports (
    Seq            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_ProgressReports_Seq UNIQUE CLUSTERED,
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_ProgressReports PRIMARY KEY NONCLUSTERED,
    ItemId         UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    ReportedOn     DATE NOT NULL,
    Summary        NVARCHAR(MAX) NOT NULL,
    ProgressStatus NVARCHAR(30) NOT NULL,
    ScheduleStatus NVARCHAR(30) NULL,
    QuantityDone   DECIMAL(18, 4) NULL,
    Obstacles      NVARCHAR(MAX) NULL,
    Evidence       NVARCHAR(MAX) NOT NULL,
    ReportedBy     NVARCHAR(200) NOT NULL,
    CreatedAt      DATETIMEOFFSET(7) NOT NULL
);
CREATE INDEX IX_ProgressReports_ItemId ON ProgressReports (ItemId, Seq);

CREATE TABLE SignOffRequests (
    Seq         BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_SignOffRequests_Seq UNIQUE CLUSTERED,
    Id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_SignOffRequests PRIMARY KEY NONCLUSTERED,
    ItemId      UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    Round       INT NOT NULL,
    Summary     NVARCHAR(MAX) NOT NULL,
    Evidence    NVARCHAR(MAX) NOT NULL,
    Status      NVARCHAR(30) NOT NULL,
    RequestedBy NVARCHAR(200) NOT NULL,
    RequestedAt DATETIMEOFFSET(7) NOT NULL,
    ClosedAt    DATETIMEOFFSET(7) NULL
);
CREATE INDEX IX_SignOffRequests_ItemId ON SignOffRequests (ItemId, Seq);

CREATE TABLE SignOffReviews (
    Seq            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_SignOffReviews_Seq UNIQUE CLUSTERED,
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_SignOffReviews PRIMARY KEY NONCLUSTERED,
    RequestId      UNIQUEIDENTIFIER NOT NULL REFERENCES SignOffRequests (Id),
    ItemId         UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    StepIndex      INT NOT NULL,
    StepName       NVARCHAR(200) NOT NULL,
    Decision       NVARCHAR(30) NOT NULL,
    ReviewerName   NVARCHAR(200) NOT NULL,
    Comment        NVARCHAR(MAX) NULL,
    DocumentNumber NVARCHAR(200) NULL,
    ItemVersion    INT NOT NULL,
    ReviewedBy     NVARCHAR(200) NOT NULL,
    ReviewedAt     DATETIMEOFFSET(7) NOT NULL
);
CREATE INDEX IX_SignOffReviews_ItemId ON SignOffReviews (ItemId, Seq);

CREATE TABLE Extensions (
    Seq              BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Extensions_Seq UNIQUE CLUSTERED,
    Id               UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Extensions PRIMARY KEY NONCLUSTERED,
    ItemId           UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    RequestedDueDate DATE NOT NULL,
    PreviousDueDate  DATE NULL,
    Reason           NVARCHAR(MAX) NOT NULL,
    Status           NVARCHAR(30) NOT NULL,
    RequestedBy      NVARCHAR(200) NULL,
    RequestedAt      DATETIMEOFFSET(7) NOT NULL,
    DecidedAt        DATETIMEOFFSET(7) NULL,
    ReviewerName     NVARCHAR(200) NULL,
    Comment          NVARCHAR(MAX) NULL
);
CREATE INDEX IX_Extensions_ItemId ON Extensions (ItemId, Seq);

CREATE TABLE Recurrences (
    Seq                BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Recurrences_Seq UNIQUE CLUSTERED,
    Id                 UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Recurrences PRIMARY KEY NONCLUSTERED,
    ItemId             UNIQUEIDENTIFIER NOT NULL REFERENCES Items (Id),
    DetectedOn         DATE NOT NULL,
    DetectedBy         NVARCHAR(200) NOT NULL,
    Description        NVARCHAR(MAX) NOT NULL,
    NewDueDate         DATE NOT NULL,
    PreviousSignOff    NVARCHAR(30) NOT NULL,
    RecordedBy         NVARCHAR(200) NOT NULL,
    RecordedAt         DATETIMEOFFSET(7) NOT NULL
);
CREATE INDEX IX_Recurrences_ItemId ON Recurrences (ItemId, Seq);
