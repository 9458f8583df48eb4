-- Each item carries its measure counts and the units holding the lead or responsible role, written with every save
-- of the item (ItemStore), so statistics and list pages read the Items row alone instead of looking up every item's
-- measures and units. Holders is the key HolderSet.Key (Application/Statistics/HolderSet.cs) defines: the lower-case
-- unit ids in ordinal order, comma-separated; the backfill below is its only other spelling.
ALTER TABLE Items ADD MeasuresTotal INT NOT NULL CONSTRAINT DF_Items_MeasuresTotal DEFAULT 0,
    MeasuresImplemented INT NOT NULL CONSTRAINT DF_Items_MeasuresImplemented DEFAULT 0,
    Holders VARCHAR(MAX) NULL;
GO

UPDATE i
SET MeasuresTotal = (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id),
    MeasuresImplemented = (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = i.Id AND m.Implemented = 1),
    Holders = (SELECT STRING_AGG(CONVERT(VARCHAR(MAX), LOWER(CONVERT(VARCHAR(36), hu.UnitId))), ',')
                      WITHIN GROUP (ORDER BY LOWER(CONVERT(VARCHAR(36), hu.UnitId)) COLLATE Latin1_General_BIN2)
               FROM ItemUnits hu WHERE hu.ItemId = i.Id AND hu.Role IN ('lead', 'responsible'))
FROM Items i;
GO

-- The statistics scan reads this index alone: every column a figure counts or a group is keyed by. SQL Server groups
-- by hashing, so unlike SQLite it needs no index ordered by each group key (Holders, VARCHAR(MAX), is included only).
CREATE INDEX IX_Items_Statistics_Counters ON Items (InspectionId)
    INCLUDE (Id, Category, ProgressStatus, SignOffStatus, DueDate, OriginalDueDate, RecurrenceCount, Aspect,
             MeasuresTotal, MeasuresImplemented, Holders);
DROP INDEX IX_Items_Statistics ON Items;

-- Nothing counts measures per item any more.
DROP INDEX IX_Measures_ItemId_Implemented ON Measures;
GO
