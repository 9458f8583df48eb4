-- How the audit chain's links are made: 'sha256' (unkeyed, anyone who can write the table can redo them) before this
-- migration, 'hmac-sha256' under the audit key after it. A trail with events is still unkeyed here; the start-up step
-- after the migrations re-chains it once and records that it did. KeyId is a fingerprint of the key the chains are
-- made with (never the key itself, which is not kept in the database), so a start with another key is refused.
CREATE TABLE AuditChainScheme (
    Id     INTEGER NOT NULL PRIMARY KEY,
    Scheme TEXT    NOT NULL,
    KeyId  TEXT    NULL
);
INSERT INTO AuditChainScheme (Id, Scheme, KeyId)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM AuditEvents) THEN 'sha256' ELSE 'hmac-sha256' END, NULL;

-- The entity version each event belongs to and how many events its save wrote (one save moves the version once and may
-- write several events), both covered by the event's link: verify compares the newest event's version with the entity
-- row's, and counts the events of the newest save, so deleting the last event of a save is seen. NULL for events
-- written before this migration.
ALTER TABLE AuditEvents ADD COLUMN EntityVersion INTEGER NULL;
ALTER TABLE AuditEvents ADD COLUMN EventsInSave INTEGER NULL;

-- Signed chain heads: Heads is the JSON list of {entityType, entityId, length, hash}; Signature is the HMAC under the
-- audit key of the text AuditCheckpoint.SignedText builds from the id, the instant and the heads.
CREATE TABLE AuditCheckpoints (
    Seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    Id        TEXT    NOT NULL UNIQUE,
    CreatedAt TEXT    NOT NULL,
    Heads     TEXT    NOT NULL,
    Signature TEXT    NOT NULL
);
