CREATE TABLE Inspections (
    Seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    Id             TEXT    NOT NULL UNIQUE,
    Kind           TEXT    NOT NULL,
    Level          TEXT    NOT NULL,
    Title          TEXT    NOT NULL,
    Round          INTEGER NULL,
    Batch          INTEGER NULL,
    TeamName       TEXT    NULL,
    Year           INTEGER NOT NULL,
    FeedbackDate   TEXT    NULL,
    PlanDueDate    TEXT    NULL,
    DocumentNumber TEXT    NULL,
    SignOffSteps   TEXT    NOT NULL,
    Version        INTEGER NOT NULL,
    CreatedAt      TEXT    NOT NULL,
    UpdatedAt      TEXT    NOT NULL
);

CREATE TABLE Items (
    Seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    Id                TEXT    NOT NULL UNIQUE,
    InspectionId      TEXT    NOT NULL REFERENCES Inspections (Id),
    Code              TEXT    NOT NULL COLLATE NOCASE,
    Title             TEXT    NOT NULL,
    Description       TEXT    NULL,
    Requirement       TEXT    NULL,
    Target            TEXT    NULL,
    Category          TEXT    NOT NULL,
    Area              TEXT    NULL,
    Industry          TEXT    NULL,
    Aspect            TEXT    NULL,
    IsKey             INTEGER NOT NULL,
    ResponsiblePerson TEXT    NULL,
    ResponsiblePhone  TEXT    NULL,
    DeadlineKinds     TEXT    NOT NULL,
    DueDate           TEXT    NULL,
    OriginalDueDate   TEXT    NULL,
    ProgressStatus    TEXT    NOT NULL,
    ScheduleStatus    TEXT    NULL,
    SignOffStatus     TEXT    NOT NULL,
    SignOffStepIndex  INTEGER NULL,
    SignOffRound      INTEGER NOT NULL,
    QuantityTarget    NUMERIC NULL,
    QuantityDone      NUMERIC NULL,
    QuantityUnit      TEXT    NULL,
    Obstacles         TEXT    NULL,
    RecurrenceCount   INTEGER NOT NULL,
    CreatedAt         TEXT    NOT NULL,
    UpdatedAt         TEXT    NOT NULL,
    CompletedAt       TEXT    NULL,
    SignedOffAt       TEXT    NULL,
    Version           INTEGER NOT NULL,
    CONSTRAINT UQ_Items_InspectionCode UNIQUE (InspectionId, Code)
);
CREATE INDEX IX_Items_DueDate ON Items (DueDate, Seq);
CREATE INDEX IX_Items_UpdatedAt ON Items (UpdatedAt, Seq);

CREATE TABLE ItemUnits (
    ItemId TEXT NOT NULL REFERENCES Items (Id),
    UnitId TEXT NOT NULL REFERENCES Units (Id),
    Role   TEXT NOT NULL,
    PRIMARY KEY (ItemId, UnitId)
);
CREATE INDEX IX_ItemUnits_UnitId ON ItemUnits (UnitId);

CREATE TABLE ItemExternalRefs (
    ItemId     TEXT NOT NULL REFERENCES Items (Id),
    System     TEXT NOT NULL COLLATE NOCASE,
    ExternalId TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (System, ExternalId)
);
CREATE INDEX IX_ItemExternalRefs_ItemId ON ItemExternalRefs (ItemId);

CREATE TABLE Measures (
    Seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    Id            TEXT    NOT NULL UNIQUE,
    ItemId        TEXT    NOT NULL REFERENCES Items (Id),
    Description   TEXT    NOT NULL,
    UnitId        TEXT    NULL REFERENCES Units (Id),
    DueDate       TEXT    NULL,
    Implemented   INTEGER NOT NULL,
    ImplementedOn TEXT    NULL,
    CreatedAt     TEXT    NOT NULL,
    UpdatedAt     TEXT    NOT NULL
);
CREATE INDEX IX_Measures_ItemId ON Measures (ItemId, Seq);

CREATE TABLE ProgressReports (
    Seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    Id             TEXT    NOT NULL UNIQUE,
    ItemId         TEXT    NOT NULL REFERENCES Items (Id),
    ReportedOn     TEXT    NOT NULL,
    Summary        TEXT    NOT NULL,
    ProgressStatus TEXT    NOT NULL,
    ScheduleStatus TEXT    NULL,
    QuantityDone   NUMERIC NULL,
    Obstacles      TEXT    NULL,
    Evidence       TEXT    NOT NULL,
    ReportedBy     TEXT    NOT NULL,
    CreatedAt      TEXT    NOT NULL
);
CREATE INDEX IX_ProgressReports_ItemId ON ProgressReports (ItemId, Seq);

CREATE TABLE SignOffRequests (
    Seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    Id          TEXT    NOT NULL UNIQUE,
    ItemId      TEXT    NOT NULL REFERENCES Items (Id),
    Round       INTEGER NOT NULL,
    Summary     TEXT    NOT NULL,
    Evidence    TEXT    NOT NULL,
    Status      TEXT    NOT NULL,
    RequestedBy TEXT    NOT NULL,
    RequestedAt TEXT    NOT NULL,
    ClosedAt    TEXT    NULL
);
CREATE INDEX IX_SignOffRequests_ItemId ON SignOffRequests (ItemId, Seq);

CREATE TABLE SignOffReviews (
    Seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    Id             TEXT    NOT NULL UNIQUE,
    RequestId      TEXT    NOT NULL REFERENCES SignOffRequests (Id),
    ItemId         TEXT    NOT NULL REFERENCES Items (Id),
    StepIndex      INTEGER NOT NULL,
    StepName       TEXT    NOT NULL,
    Decision       TEXT    NOT NULL,
    ReviewerName   TEXT    NOT NULL,
    Comment        TEXT    NULL,
    DocumentNumber TEXT    NULL,
    ItemVersion    INTEGER NOT NULL,
    ReviewedBy     TEXT    NOT NULL,
    ReviewedAt     TEXT    NOT NULL
);
CREATE INDEX IX_SignOffReviews_ItemId ON SignOffReviews (ItemId, Seq);

CREATE TABLE Extensions (
    Seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    Id               TEXT    NOT NULL UNIQUE,
    ItemId           TEXT    NOT NULL REFERENCES Items (Id),
    RequestedDueDate TEXT    NOT NULL,
    PreviousDueDate  TEXT    NULL,
    Reason           TEXT    NOT NULL,
    Status           TEXT    NOT NULL,
    RequestedBy      TEXT    NULL,
    RequestedAt      TEXT    NOT NULL,
    DecidedAt        TEXT    NULL,
    ReviewerName     TEXT    NULL,
    Comment          TEXT    NULL
);
CREATE INDEX IX_Extensions_ItemId ON Extensions (ItemId, Seq);

CREATE TABLE Recurrences (
    Seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    Id                 TEXT    NOT NULL UNIQUE,
    ItemId             TEXT    NOT NULL REFERENCES Items (Id),
    DetectedOn         TEXT    NOT NULL,
    DetectedBy         TEXT    NOT NULL,
    Description        TEXT    NOT NULL,
    NewDueDate         TEXT    NOT NULL,
    PreviousSignOff    TEXT    NOT NULL,
    RecordedBy         TEXT    NOT NULL,
    RecordedAt         TEXT    NOT NULL
);
CREATE INDEX IX_Recurrences_ItemId ON Recurrences (ItemId, Seq);
