-- Each item carries its lead unit, written with every save of the item (ItemStore), so the reports that go by lead
-- unit read the item alone instead of joining ItemUnits for every item.
ALTER TABLE Items ADD LeadUnitId UNIQUEIDENTIFIER NULL;
GO

UPDATE i SET LeadUnitId = lu.UnitId
FROM Items i JOIN ItemUnits lu ON lu.ItemId = i.Id AND lu.Role = 'lead';
GO

-- The overdue report lists the open items due in a range, by lead unit, then by due date: the filtered index holds
-- those rows in that order within a unit, with every column the report lists.
CREATE INDEX IX_Items_Open_Lead_DueDate ON Items (LeadUnitId, DueDate, Seq)
    INCLUDE (InspectionId, Code, Title, OriginalDueDate, ProgressStatus, ScheduleStatus, Obstacles)
    WHERE ProgressStatus <> 'completed';
GO
