-- The overdue report counts, per lead unit, the open items due before a day: a range of (IsOpen, DueSortKey) joined
-- to each item's lead. The item's Id in the range index keeps the count off the wide Items rows; the join needs no
-- index of its own here, since the clustered primary key (ItemId, UnitId) of ItemUnits holds the role with the row.
CREATE INDEX IX_Items_Open_DueSortKey_Id ON Items (IsOpen, DueSortKey) INCLUDE (Id);
GO
