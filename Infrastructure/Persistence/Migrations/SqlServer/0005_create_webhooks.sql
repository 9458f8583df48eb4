-- Subscriptions. Secret is stored as issued, not hashed like an API key: the dispatcher needs its bytes to sign
-- every delivery (HMAC-SHA256, Standard Webhooks). It is shown once, when created, and never read back, logged or
-- audited. Events holds the subscribed types between commas (",item.created,item.updated,") so one
-- LIKE '%,item.created,%' matches a whole type name and nothing else.
CREATE TABLE WebhookSubscriptions (
    Seq            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_WebhookSubscriptions_Seq UNIQUE CLUSTERED,
    Id             UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_WebhookSubscriptions PRIMARY KEY NONCLUSTERED,
    Url            NVARCHAR(2000)   NOT NULL,
    Events         NVARCHAR(1000)   NOT NULL,
    UnitId         UNIQUEIDENTIFIER NULL CONSTRAINT FK_WebhookSubscriptions_Unit REFERENCES Units (Id),
    Active         BIT              NOT NULL,
    Description    NVARCHAR(500)    NULL,
    Secret         NVARCHAR(100)    NOT NULL,
    DisabledReason NVARCHAR(500)    NULL,
    Version        INT              NOT NULL,
    CreatedAt      DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt      DATETIMEOFFSET(7) NOT NULL
);

-- The outbox: one row per (subscription, event), written in the transaction of the change. Payload is the exact
-- body, serialized once, so every retry sends the same bytes. A dispatcher owns a row while LeaseUntil lies ahead.
-- ExpiresAt is 24 h after the row was created (or redelivered): a failure after it is final.
CREATE TABLE WebhookDeliveries (
    Seq            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_WebhookDeliveries_Seq UNIQUE CLUSTERED,
    SubscriptionId UNIQUEIDENTIFIER NOT NULL CONSTRAINT FK_WebhookDeliveries_Subscription REFERENCES WebhookSubscriptions (Id),
    EventId        UNIQUEIDENTIFIER NOT NULL,
    EventType      NVARCHAR(50)     NOT NULL,
    Payload        NVARCHAR(MAX)    NOT NULL,
    Status         NVARCHAR(20)     NOT NULL,
    Attempts       INT              NOT NULL,
    NextAttemptAt  DATETIMEOFFSET(7) NOT NULL,
    LeaseOwner     NVARCHAR(100)    NULL,
    LeaseUntil     DATETIMEOFFSET(7) NULL,
    CreatedAt      DATETIMEOFFSET(7) NOT NULL,
    ExpiresAt      DATETIMEOFFSET(7) NOT NULL,
    LastAttemptAt  DATETIMEOFFSET(7) NULL,
    DeliveredAt    DATETIMEOFFSET(7) NULL,
    CONSTRAINT PK_WebhookDeliveries PRIMARY KEY NONCLUSTERED (SubscriptionId, EventId)
);
CREATE INDEX IX_WebhookDeliveries_Due ON WebhookDeliveries (Status, NextAttemptAt);
CREATE INDEX IX_WebhookDeliveries_Subscription ON WebhookDeliveries (SubscriptionId, Seq);

-- Every attempt, successful or not.
CREATE TABLE WebhookAttempts (
    Seq         BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT PK_WebhookAttempts PRIMARY KEY CLUSTERED,
    DeliverySeq BIGINT            NOT NULL CONSTRAINT FK_WebhookAttempts_Delivery REFERENCES WebhookDeliveries (Seq),
    AttemptedAt DATETIMEOFFSET(7) NOT NULL,
    StatusCode  INT               NULL,
    DurationMs  INT               NOT NULL,
    Error       NVARCHAR(1000)    NULL
);
CREATE INDEX IX_WebhookAttempts_Delivery ON WebhookAttempts (DeliverySeq, Seq);
