-- Stored report runs, one per (Kind, Period): the unique index is what makes a run happen once however many instances
-- fire it. Content is the run's JSON document (IReportRenderer, format json) gzip-compressed; ContentLength is its size
-- before compression. Figures repeats the document's headline figures (JSON) so a list needs no decompression.
CREATE TABLE ReportRuns (
    Seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    Id                  TEXT    NOT NULL UNIQUE,
    Kind                TEXT    NOT NULL,
    Period              TEXT    NOT NULL,
    AsOf                TEXT    NOT NULL,
    GeneratedAt         TEXT    NOT NULL,
    RunTrigger          TEXT    NOT NULL,
    RequestedByClientId TEXT    NULL,
    Figures             TEXT    NOT NULL,
    Content             BLOB    NOT NULL,
    ContentLength       INTEGER NOT NULL,
    CompressedLength    INTEGER NOT NULL
);
CREATE UNIQUE INDEX UX_ReportRuns_Kind_Period ON ReportRuns (Kind, Period);
CREATE INDEX IX_ReportRuns_Kind_Seq ON ReportRuns (Kind, Seq);

-- One row per overdue spell of an item: a spell is the item lapsing past one due date in one recurrence round, so an
-- extension (a new due date) or a reopening (a new recurrence count) starts another. The key makes the item.overdue
-- event once per spell; BatchId marks the rows one transaction claimed, so it can read back which ones they were.
CREATE TABLE ItemOverdueNotices (
    ItemId          TEXT    NOT NULL REFERENCES Items (Id),
    DueDate         TEXT    NOT NULL,
    RecurrenceCount INTEGER NOT NULL,
    NoticedAt       TEXT    NOT NULL,
    BatchId         TEXT    NOT NULL,
    PRIMARY KEY (ItemId, DueDate, RecurrenceCount)
);
CREATE INDEX IX_ItemOverdueNotices_BatchId ON ItemOverdueNotices (BatchId);

-- Named leases with an expiry. On SQLite, where Quartz refuses clustering, the instance holding the 'report-scheduler'
-- lease is the one that runs the scheduler (docs/decisions/0009).
CREATE TABLE SchedulerLeases (
    Name      TEXT NOT NULL PRIMARY KEY,
    Holder    TEXT NOT NULL,
    ExpiresAt TEXT NOT NULL
);
