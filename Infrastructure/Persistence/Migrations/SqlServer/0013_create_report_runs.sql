-- Stored report runs, one per (Kind, Period): the unique index is what makes a run happen once however many instances
-- fire it. Content is the run's JSON document (IReportRenderer, format json) gzip-compressed; ContentLength is its size
-- before compression. Figures repeats the document's headline figures (JSON) so a list needs no decompression.
CREATE TABLE ReportRuns (
    Seq                 BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_ReportRuns PRIMARY KEY CLUSTERED,
    Id                  UNIQUEIDENTIFIER  NOT NULL CONSTRAINT UQ_ReportRuns_Id UNIQUE,
    Kind                NVARCHAR(20)      NOT NULL,
    Period              NVARCHAR(32)      NOT NULL,
    AsOf                DATE              NOT NULL,
    GeneratedAt         DATETIMEOFFSET(7) NOT NULL,
    RunTrigger          NVARCHAR(20)      NOT NULL,
    RequestedByClientId UNIQUEIDENTIFIER  NULL,
    Figures             NVARCHAR(MAX)     NOT NULL,
    Content             VARBINARY(MAX)    NOT NULL,
    ContentLength       BIGINT            NOT NULL,
    CompressedLength    BIGINT            NOT NULL
);
GO

CREATE UNIQUE INDEX UX_ReportRuns_Kind_Period ON ReportRuns (Kind, Period);
CREATE INDEX IX_ReportRuns_Kind_Seq ON ReportRuns (Kind, Seq);
GO

-- One row per overdue spell of an item: a spell is the item lapsing past one due date in one recurrence round, so an
-- extension (a new due date) or a reopening (a new recurrence count) starts another. The key makes the item.overdue
-- event once per spell; BatchId marks the rows one transaction claimed, so it can read back which ones they were.
CREATE TABLE ItemOverdueNotices (
    ItemId          UNIQUEIDENTIFIER  NOT NULL CONSTRAINT FK_ItemOverdueNotices_Items REFERENCES Items (Id),
    DueDate         DATE              NOT NULL,
    RecurrenceCount INT               NOT NULL,
    NoticedAt       DATETIMEOFFSET(7) NOT NULL,
    BatchId         UNIQUEIDENTIFIER  NOT NULL,
    CONSTRAINT PK_ItemOverdueNotices PRIMARY KEY (ItemId, DueDate, RecurrenceCount)
);
GO

CREATE INDEX IX_ItemOverdueNotices_BatchId ON ItemOverdueNotices (BatchId);
GO

-- Named leases with an expiry. Used on SQLite, where Quartz refuses clustering (docs/decisions/0009); SQL Server runs
-- Quartz clustered, so the table stays empty there.
CREATE TABLE SchedulerLeases (
    Name      NVARCHAR(100)     NOT NULL CONSTRAINT PK_SchedulerLeases PRIMARY KEY,
    Holder    NVARCHAR(200)     NOT NULL,
    ExpiresAt DATETIMEOFFSET(7) NOT NULL
);
GO
