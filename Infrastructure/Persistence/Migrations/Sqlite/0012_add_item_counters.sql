-- Each item carries its measure counts and the units holding the lead or responsible role, written with every save
-- of the item (ItemStore), so statistics and list pages read the Items row alone instead of looking up every item's
-- measures and units. Holders is the key HolderSet.Key (Application/Statistics/HolderSet.cs) defines: the unit ids
-- in ordinal order of their text, comma-separated; the backfill below is its only other spelling.
ALTER TABLE Items ADD COLUMN MeasuresTotal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE Items ADD COLUMN MeasuresImplemented INTEGER NOT NULL DEFAULT 0;
ALTER TABLE Items ADD COLUMN Holders TEXT NULL;

UPDATE Items
SET MeasuresTotal = (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = Items.Id),
    MeasuresImplemented = (SELECT COUNT(*) FROM Measures m WHERE m.ItemId = Items.Id AND m.Implemented = 1),
    Holders = (SELECT group_concat(hu.UnitId, ',' ORDER BY hu.UnitId) FROM ItemUnits hu
               WHERE hu.ItemId = Items.Id AND hu.Role IN ('lead', 'responsible'));

-- The statistics scan reads these indexes alone: every column a figure counts or a group is keyed by. Each leads
-- with a group key and the aspect, the statement's GROUP BY, so the groups stream out of the index in order instead
-- of going through a temporary B-tree (measured at 100k items: 0.15 s sorted, 0.04 s streamed). The first serves
-- groupBy=inspection and seeks a per-inspection request; the second groupBy=unit, the commonest whole-ledger request.
CREATE INDEX IX_Items_Statistics_Counters ON Items (InspectionId, Aspect, Category, ProgressStatus, SignOffStatus, DueDate,
    OriginalDueDate, RecurrenceCount, MeasuresTotal, MeasuresImplemented, Holders, Id);
CREATE INDEX IX_Items_Statistics_Holders ON Items (Holders, Aspect, InspectionId, Category, ProgressStatus, SignOffStatus,
    DueDate, OriginalDueDate, RecurrenceCount, MeasuresTotal, MeasuresImplemented, Id);
DROP INDEX IX_Items_Statistics;

-- Nothing counts measures or aggregates holders per item any more.
DROP INDEX IX_Measures_ItemId_Implemented;
DROP INDEX IX_ItemUnits_Holders;
