CREATE TABLE Units (
    Seq          BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT UQ_Units_Seq UNIQUE CLUSTERED,
    Id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT PK_Units PRIMARY KEY NONCLUSTERED,
    Code         NVARCHAR(50)     NOT NULL CONSTRAINT UQ_Units_Code UNIQUE,
    Name         NVARCHAR(200)    NOT NULL,
    Kind         NVARCHAR(20)     NOT NULL,
    ParentId     UNIQUEIDENTIFIER NULL CONSTRAINT FK_Units_Parent REFERENCES Units (Id),
    Path         NVARCHAR(300)    NOT NULL,
    ContactName  NVARCHAR(50)     NULL,
    ContactPhone NVARCHAR(50)     NULL,
    Active       BIT              NOT NULL,
    Version      INT              NOT NULL,
    CreatedAt    DATETIMEOFFSET(7) NOT NULL,
    UpdatedAt    DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX IX_Units_Path ON Units (Path);
CREATE INDEX IX_Units_ParentId ON Units (ParentId);
