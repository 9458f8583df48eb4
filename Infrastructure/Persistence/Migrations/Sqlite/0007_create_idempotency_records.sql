-- One row per (client, Idempotency-Key): written in the transaction of the change it guards, completed with the
-- response to replay, purged after Idempotency:RetentionHours. Key compares exactly (BINARY), as the header does.
CREATE TABLE IdempotencyRecords (
    ClientId         TEXT    NOT NULL,
    [Key]            TEXT    NOT NULL,
    RequestHash      TEXT    NOT NULL,
    Status           TEXT    NOT NULL,
    ResponseStatus   INTEGER NULL,
    ResponseLocation TEXT    NULL,
    ResponseETag     TEXT    NULL,
    ResponseBody     TEXT    NULL,
    CreatedAt        TEXT    NOT NULL,
    ExpiresAt        TEXT    NOT NULL,
    PRIMARY KEY (ClientId, [Key])
);
CREATE INDEX IX_IdempotencyRecords_ExpiresAt ON IdempotencyRecords (ExpiresAt);
