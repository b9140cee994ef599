-- 0005-board-print-pending.sql: a board export's prints between the
-- record and the file.
--
-- A printed board and its print record are one step (sz-board-print.c):
-- the PDF is written whole to a temporary file, the print is committed
-- here as pending on that file, the file is renamed into place, and the
-- print is settled.  A pending print is decided by the file itself: if
-- path now has the temporary file's device and inode (a rename keeps
-- them), the rename happened and the row moves into board_print; if not
-- and process pid is gone, the export died before the rename and the row
-- is dropped, board_print keeping the board's previous print.  So a kill
-- at any moment leaves the records agreeing with the files.  Until then,
-- board_print is untouched and reading prints resolves these rows.
--
-- Not audited (not in sz-audit.c's list, on purpose): it is bookkeeping of
-- board_print, itself an unaudited print log, and its rows live for the
-- length of one export; logging them would fill the audit log with two
-- entries per board per export that say nothing about the roster.
CREATE TABLE board_print_pending (
  kind          TEXT NOT NULL CHECK (kind IN ('unit', 'building', 'grid', 'community')),
  place_id      INTEGER NOT NULL,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  -- The print that stands once the file is in place.
  content_hash  TEXT NOT NULL CHECK (length(content_hash) = 64),
  printed_at    TEXT NOT NULL,
  -- The exporting process: while it runs, the row is left alone.
  pid           INTEGER NOT NULL,
  -- The temporary file (st_dev, st_ino as signed 64-bit) and the target.
  device        INTEGER NOT NULL,
  inode         INTEGER NOT NULL,
  path          TEXT NOT NULL,
  PRIMARY KEY (kind, place_id)
) STRICT;
