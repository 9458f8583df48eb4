-- One index per list sort, so a keyset page seeks instead of sorting the ledger. Items without a due date sort
-- last: the sort key is the due date or a literal after every real one, so ORDER BY and the cursor predicate use
-- the indexed expression itself. Style 112 (yyyymmdd) keeps the conversion deterministic, as PERSISTED requires.
-- Overdue and warning filters concern open items: (IsOpen, DueSortKey) serves them in due-date order without
-- stepping over the completed items, which are most of an old ledger; (InspectionId, DueSortKey) serves a round's
-- items by deadline, the commonest filtered list.
ALTER TABLE Items ADD DueSortKey AS COALESCE(DueDate, CONVERT(DATE, '99991231', 112)) PERSISTED;
ALTER TABLE Items ADD IsOpen AS CAST(CASE WHEN ProgressStatus <> 'completed' THEN 1 ELSE 0 END AS BIT) PERSISTED;
GO

CREATE INDEX IX_Items_DueSortKey ON Items (DueSortKey, Seq);
CREATE INDEX IX_Items_Open_DueSortKey ON Items (IsOpen, DueSortKey, Seq);
CREATE INDEX IX_Items_Inspection_DueSortKey ON Items (InspectionId, DueSortKey, Seq);
CREATE INDEX IX_Items_Code ON Items (Code, Seq);
GO
