-- Statistics scan every visible item: an index holding just the columns they count is a fraction of the table to
-- read, and leads with the inspection so a per-inspection request reads only that inspection's entries.
CREATE INDEX IX_Items_Statistics ON Items (InspectionId)
    INCLUDE (Id, Category, ProgressStatus, SignOffStatus, DueDate, OriginalDueDate, RecurrenceCount, Aspect);

-- Both measure counts of an item answered from the index alone.
CREATE INDEX IX_Measures_ItemId_Implemented ON Measures (ItemId) INCLUDE (Implemented);

-- groupBy=unit reads each item's lead and responsible units: the clustered primary key (ItemId, UnitId) already
-- holds them, unlike SQLite's, so no index is added here.
