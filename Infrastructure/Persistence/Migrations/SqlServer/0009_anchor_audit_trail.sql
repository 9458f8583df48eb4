-- How the audit chain's links are made: 'sha256' (unkeyed, anyone who can write the table can redo them) before this
-- migration, 'hmac-sha256' under the audit key after it. A trail with events is still unkeyed here; the start-up step
-- after the migrations re-chains it once and records that it did. KeyId is a fingerprint of the key the chains are
-- made with (never the key itself, which is not kept in the database), so a start with another key is refused.
CREATE TABLE AuditChainScheme (
    Id     INT          NOT NULL CONSTRAINT PK_AuditChainScheme PRIMARY KEY,
    Scheme NVARCHAR(20) NOT NULL,
    KeyId  NVARCHAR(32) NULL
);
GO

INSERT INTO AuditChainScheme (Id, Scheme, KeyId)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM AuditEvents) THEN N'sha256' ELSE N'hmac-sha256' END, NULL;
GO

-- The entity version each event belongs to and how many events its save wrote (one save moves the version once and may
-- write several events), both covered by the event's link: verify compares the newest event's version with the entity
-- row's, and counts the events of the newest save, so deleting the last event of a save is seen. NULL for events
-- written before this migration.
ALTER TABLE AuditEvents ADD EntityVersion INT NULL, EventsInSave INT NULL;
GO

-- Signed chain heads: Heads is the JSON list of {entityType, entityId, length, hash}; Signature is the HMAC under the
-- audit key of the text AuditCheckpoint.SignedText builds from the id, the instant and the heads.
CREATE TABLE AuditCheckpoints (
    Seq       BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_AuditCheckpoints PRIMARY KEY CLUSTERED,
    Id        UNIQUEIDENTIFIER  NOT NULL CONSTRAINT UQ_AuditCheckpoints_Id UNIQUE,
    CreatedAt DATETIMEOFFSET(7) NOT NULL,
    Heads     NVARCHAR(MAX)     NOT NULL,
    Signature CHAR(64)          NOT NULL
);
GO
