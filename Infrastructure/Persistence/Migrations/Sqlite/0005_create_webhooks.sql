-- Subscriptions. Secret is stored as issued, not hashed like an API key: the dispatcher needs its bytes to sign
-- every delivery (HMAC-SHA256, Standard Webhooks). It is shown once, when created, and never read back, logged or
-- audited. Events holds the subscribed types between commas (",item.created,item.updated,") so one
-- LIKE '%,item.created,%' matches a whole type name and nothing else.
CREATE TABLE WebhookSubscriptions (
    Seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    Id             TEXT    NOT NULL UNIQUE,
    Url            TEXT    NOT NULL,
    Events         TEXT    NOT NULL,
    UnitId         TEXT    NULL REFERENCES Units (Id),
    Active         INTEGER NOT NULL,
    Description    TEXT    NULL,
    Secret         TEXT    NOT NULL,
    DisabledReason TEXT    NULL,
    Version        INTEGER NOT NULL,
    CreatedAt      TEXT    NOT NULL,
    UpdatedAt      TEXT    NOT NULL
);

-- The outbox: one row per (subscription, event), written in the transaction of the change. Payload is the exact
-- body, serialized once, so every retry sends the same bytes. A dispatcher owns a row while LeaseUntil lies ahead.
-- ExpiresAt is 24 h after the row was created (or redelivered): a failure after it is final.
CREATE TABLE WebhookDeliveries (
    Seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    SubscriptionId TEXT    NOT NULL REFERENCES WebhookSubscriptions (Id),
    EventId        TEXT    NOT NULL,
    EventType      TEXT    NOT NULL,
    Payload        TEXT    NOT NULL,
    Status         TEXT    NOT NULL,
    Attempts       INTEGER NOT NULL,
    NextAttemptAt  TEXT    NOT NULL,
    LeaseOwner     TEXT    NULL,
    LeaseUntil     TEXT    NULL,
    CreatedAt      TEXT    NOT NULL,
    ExpiresAt      TEXT    NOT NULL,
    LastAttemptAt  TEXT    NULL,
    DeliveredAt    TEXT    NULL,
    CONSTRAINT UQ_WebhookDeliveries_Event UNIQUE (SubscriptionId, EventId)
);
CREATE INDEX IX_WebhookDeliveries_Due ON WebhookDeliveries (Status, NextAttemptAt);
CREATE INDEX IX_WebhookDeliveries_Subscription ON WebhookDeliveries (SubscriptionId, Seq);

-- Every attempt, successful or not.
CREATE TABLE WebhookAttempts (
    Seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    DeliverySeq INTEGER NOT NULL REFERENCES WebhookDeliveries (Seq),
    AttemptedAt TEXT    NOT NULL,
    StatusCode  INTEGER NULL,
    DurationMs  INTEGER NOT NULL,
    Error       TEXT    NULL
);
CREATE INDEX IX_WebhookAttempts_Delivery ON WebhookAttempts (DeliverySeq, Seq);
