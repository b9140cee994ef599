-- 0002-boards.sql for PostgreSQL 15: what the notice boards need beyond
-- the roster (see ../0002-boards.sql).
--
-- The community's board settings are columns of community, so that the
-- audit trigger (which reads the table's columns on every change) logs
-- their changes too.

-- Text of the QR code printed on every board (a URL the community runs),
-- and the caption under it; '' prints no code.
ALTER TABLE community ADD COLUMN board_qr_text text NOT NULL DEFAULT '';
ALTER TABLE community ADD COLUMN board_qr_caption text NOT NULL DEFAULT '';
-- What a vacant post prints; '' prints the default wording.
ALTER TABLE community ADD COLUMN board_vacancy_text text NOT NULL DEFAULT '';
-- A head's stored WeChat QR image older than this many days is printed
-- with a warning (a group code expires after 7 days).
ALTER TABLE community ADD COLUMN qr_max_age_days bigint NOT NULL DEFAULT 180
  CHECK (qr_max_age_days BETWEEN 1 AND 3650);

-- The last print of each board: a hash of what it said and when.  A board
-- whose content now hashes differently is stale and should be reprinted.
-- Not audited: it is a print log, written by every export.
CREATE TABLE board_print (
  kind          text NOT NULL CHECK (kind IN ('unit', 'building', 'grid', 'community')),
  place_id      bigint NOT NULL,
  community_id  bigint NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  content_hash  text NOT NULL CHECK (length(content_hash) = 64),
  printed_at    text NOT NULL,
  PRIMARY KEY (kind, place_id)
);
CREATE INDEX board_print_community ON board_print (community_id);
SELECT sz_notify_install ('board_print');
