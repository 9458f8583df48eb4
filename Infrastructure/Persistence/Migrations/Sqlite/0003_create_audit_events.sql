-- Append-only: each event carries the hash of the previous event of the same entity, so an edited or
-- deleted row breaks the chain. (EntityType, EntityId, ChainIndex) is unique, so two concurrent writers
-- cannot both extend the chain from the same link.
CREATE TABLE AuditEvents (
    Seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    Id         TEXT    NOT NULL UNIQUE,
    EntityType TEXT    NOT NULL,
    EntityId   TEXT    NOT NULL,
    ChainIndex INTEGER NOT NULL,
    Action     TEXT    NOT NULL,
    ActorId    TEXT    NULL,
    ActorName  TEXT    NOT NULL,
    OccurredAt TEXT    NOT NULL,
    Changes    TEXT    NOT NULL,
    PrevHash   TEXT    NOT NULL,
    Hash       TEXT    NOT NULL,
    CONSTRAINT UQ_AuditEvents_Chain UNIQUE (EntityType, EntityId, ChainIndex)
);
