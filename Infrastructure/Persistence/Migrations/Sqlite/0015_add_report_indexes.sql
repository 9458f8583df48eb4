-- The overdue and ranking reports join every item to its lead unit (ItemUnits with Role = 'lead'). The primary key's
-- index (ItemId, UnitId) finds the rows but not the role, so each lookup also read the table row; with the role and
-- the unit in one index the join reads the index alone (the overdue rows of 200k items: 0.24 s → 0.15 s).
CREATE INDEX IX_ItemUnits_Lead ON ItemUnits (ItemId, Role, UnitId);
