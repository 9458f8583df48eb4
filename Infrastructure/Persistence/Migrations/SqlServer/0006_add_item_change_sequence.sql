-- The change feed's position: the engine moves a rowversion on every insert and update of the row (existing rows
-- get one when the column is added). Writers run concurrently here, so the feed reads only below
-- MIN_ACTIVE_ROWVERSION() and never jumps a transaction still in flight.
ALTER TABLE Items ADD ChangeVersion ROWVERSION NOT NULL;
GO

CREATE INDEX IX_Items_ChangeVersion ON Items (ChangeVersion);
GO
