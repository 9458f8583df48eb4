-- One row per (client, Idempotency-Key): written in the transaction of the change it guards, completed with the
-- response to replay, purged after Idempotency:RetentionHours. Key uses a binary collation: keys are case-sensitive,
-- and the database's default collation usually is not.
CREATE TABLE IdempotencyRecords (
    ClientId         UNIQUEIDENTIFIER  NOT NULL,
    [Key]            NVARCHAR(255)     COLLATE Latin1_General_100_BIN2 NOT NULL,
    RequestHash      NVARCHAR(64)      NOT NULL,
    Status           NVARCHAR(20)      NOT NULL,
    ResponseStatus   INT               NULL,
    ResponseLocation NVARCHAR(2000)    NULL,
    ResponseETag     NVARCHAR(100)     NULL,
    ResponseBody     NVARCHAR(MAX)     NULL,
    CreatedAt        DATETIMEOFFSET(7) NOT NULL,
    ExpiresAt        DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT PK_IdempotencyRecords PRIMARY KEY (ClientId, [Key])
);
CREATE INDEX IX_IdempotencyRecords_ExpiresAt ON IdempotencyRecords (ExpiresAt);
