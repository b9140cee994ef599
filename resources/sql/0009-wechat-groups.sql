-- 0009-wechat-groups.sql: the heads' WeChat groups (grid, building, unit).
--
-- The mechanism runs on one WeChat group per grid, building and unit: its
-- name, its admin (a person of the community, usually the place's head),
-- how many members it has (WeChat groups hold at most 500) and the admin's
-- QR image with the day it was taken.  A group's own QR code expires after
-- 7 days, so the boards print the admin's personal code; the checks warn
-- about old images and group codes (sz-wechat.c tells them apart).

CREATE TABLE wechat_group (
  id               INTEGER PRIMARY KEY,
  community_id     INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  level            TEXT NOT NULL CHECK (level IN ('grid', 'building', 'unit')),
  grid_id          INTEGER REFERENCES grid (id) ON DELETE CASCADE,
  building_id      INTEGER REFERENCES building (id) ON DELETE CASCADE,
  unit_id          INTEGER REFERENCES unit (id) ON DELETE CASCADE,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- The admin leaves with their person; the group stays, without admin.
  admin_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
  members          INTEGER NOT NULL DEFAULT 0 CHECK (members BETWEEN 0 AND 500),
  -- The admin's QR image, as in person_image; all NULL: none yet.
  qr_mime_type     TEXT CHECK (qr_mime_type IS NULL OR qr_mime_type IN ('image/jpeg', 'image/png')),
  qr_width         INTEGER CHECK (qr_width IS NULL OR qr_width > 0),
  qr_height        INTEGER CHECK (qr_height IS NULL OR qr_height > 0),
  qr_data          BLOB,
  qr_taken_on      TEXT CHECK (qr_taken_on IS NULL OR qr_taken_on IS date(qr_taken_on)),
  -- What the image decodes to, read once when it is saved so that printing
  -- a batch of boards decodes nothing: the kind's digit (SzQrKind) then the
  -- text.  NULL: not read yet (a row written by another program).
  qr_decoded       TEXT CHECK (qr_decoded IS NULL OR (qr_data IS NOT NULL AND qr_decoded GLOB '[0-3]*')),
  CHECK ((level = 'grid') = (grid_id IS NOT NULL)
         AND (level = 'building') = (building_id IS NOT NULL)
         AND (level = 'unit') = (unit_id IS NOT NULL)),
  CHECK ((qr_data IS NULL) = (qr_mime_type IS NULL)
         AND (qr_data IS NULL) = (qr_width IS NULL)
         AND (qr_data IS NULL) = (qr_height IS NULL)
         AND (qr_data IS NULL) = (qr_taken_on IS NULL))
) STRICT;
-- One group per place.
CREATE UNIQUE INDEX wechat_group_grid ON wechat_group (grid_id) WHERE grid_id IS NOT NULL;
CREATE UNIQUE INDEX wechat_group_building ON wechat_group (building_id) WHERE building_id IS NOT NULL;
CREATE UNIQUE INDEX wechat_group_unit ON wechat_group (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX wechat_group_community ON wechat_group (community_id);
CREATE INDEX wechat_group_admin ON wechat_group (admin_person_id);
