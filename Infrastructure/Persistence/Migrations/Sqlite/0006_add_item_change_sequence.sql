-- The change feed's position: ItemStore sets MAX(ChangeSeq) + 1 on every insert and update of an item row, inside
-- the write transaction. SQLite has one writer at a time, so the numbers are handed out in commit order.
ALTER TABLE Items ADD COLUMN ChangeSeq INTEGER NOT NULL DEFAULT 0;

UPDATE Items SET ChangeSeq = Seq;

CREATE INDEX IX_Items_ChangeSeq ON Items (ChangeSeq);
