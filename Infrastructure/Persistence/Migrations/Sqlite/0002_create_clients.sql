CREATE TABLE Clients (
    Seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    Id        TEXT    NOT NULL UNIQUE,
    Name      TEXT    NOT NULL,
    KeyHash   TEXT    NOT NULL UNIQUE,
    Scopes    TEXT    NOT NULL,
    UnitId    TEXT    NULL REFERENCES Units (Id),
    Active    INTEGER NOT NULL,
    Version   INTEGER NOT NULL,
    CreatedAt TEXT    NOT NULL
);
