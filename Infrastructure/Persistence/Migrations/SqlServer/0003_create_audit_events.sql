-- Append-only: each event carries the hash of the previous event of the same entity, so an edited or
-- deleted row breaks the chain. (EntityType, EntityId, ChainIndex) is unique, so two concurrent writers
-- cannot both extend the chain from the same link.
CREATE TABLE AuditEvents (
    Seq        BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_AuditEvents_Seq UNIQUE CLUSTERED,
    Id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_AuditEvents PRIMARY KEY NONCLUSTERED,
    EntityType NVARCHAR(30)     NOT NULL,
    EntityId   UNIQUEIDENTIFIER NOT NULL,
    ChainIndex INT              NOT NULL,
    Action     NVARCHAR(50)     NOT NULL,
    ActorId    UNIQUEIDENTIFIER NULL,
    ActorName  NVARCHAR(100)    NOT NULL,
    OccurredAt DATETIMEOFFSET(7) NOT NULL,
    Changes    NVARCHAR(MAX)    NOT NULL,
    PrevHash   CHAR(64)         NOT NULL,
    Hash       CHAR(64)         NOT NULL,
    CONSTRAINT UQ_AuditEvents_Chain UNIQUE (EntityType, EntityId, ChainIndex)
);
