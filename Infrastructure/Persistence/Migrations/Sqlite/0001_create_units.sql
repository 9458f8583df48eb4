CREATE TABLE Units (
    Seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    Id           TEXT    NOT NULL UNIQUE,
    Code         TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    Name         TEXT    NOT NULL,
    Kind         TEXT    NOT NULL,
    ParentId     TEXT    NULL REFERENCES Units (Id),
    Path         TEXT    NOT NULL,
    ContactName  TEXT    NULL,
    ContactPhone TEXT    NULL,
    Active       INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    CreatedAt    TEXT    NOT NULL,
    UpdatedAt    TEXT    NOT NULL
);

CREATE INDEX IX_Units_Path ON Units (Path);
CREATE INDEX IX_Units_ParentId ON Units (ParentId);
