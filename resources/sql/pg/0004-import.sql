-- 0004-import.sql for PostgreSQL 15: what the spreadsheet import needs
-- (see ../0004-import.sql).

-- Where a consent was recorded from when it was not the person's own
-- form: “导入：三长名册.xlsx” for a roster that said yes without a date
-- (the import's date is then the consent date).  '' for the form.
ALTER TABLE person ADD COLUMN consent_source text NOT NULL DEFAULT '';

-- The import finds people by name; so do checks for namesakes.
CREATE INDEX person_name ON person (name);
