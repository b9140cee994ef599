-- 0001-roster.sql: the roster of the three heads.
--
-- Applied in one transaction by sz-db.c, which then installs the audit
-- triggers (sz-audit.c generates them from these tables' columns) and seeds
-- the duties in the user's language.  Dates are ISO 'YYYY-MM-DD'; phones are
-- in the normal form of sz-phone.c; pinyin keys are written by src/core.

CREATE TABLE community (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  street_office     TEXT NOT NULL DEFAULT '',
  address           TEXT NOT NULL DEFAULT '',
  office_phone      TEXT,
  supervision_phone TEXT,
  board_title       TEXT NOT NULL DEFAULT '',
  UNIQUE (name, street_office)
) STRICT;

CREATE TABLE grid (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  number        INTEGER NOT NULL CHECK (number > 0),
  name          TEXT NOT NULL DEFAULT '',
  households    INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  name_pinyin   TEXT NOT NULL DEFAULT '',
  UNIQUE (community_id, number)
) STRICT;

CREATE TABLE compound (
  id                INTEGER PRIMARY KEY,
  community_id      INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address           TEXT NOT NULL DEFAULT '',
  property_company  TEXT,           -- NULL: no property company
  property_phone    TEXT,
  name_pinyin       TEXT NOT NULL DEFAULT '',
  UNIQUE (community_id, name)
) STRICT;

CREATE TABLE building (
  id           INTEGER PRIMARY KEY,
  compound_id  INTEGER NOT NULL REFERENCES compound (id) ON DELETE CASCADE,
  -- A compound may span grids: each building says which one it is in.
  grid_id      INTEGER NOT NULL REFERENCES grid (id) ON DELETE RESTRICT,
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  floors       INTEGER NOT NULL DEFAULT 0 CHECK (floors >= 0),
  UNIQUE (compound_id, name)
) STRICT;
CREATE INDEX building_grid ON building (grid_id);

CREATE TABLE unit (
  id           INTEGER PRIMARY KEY,
  building_id  INTEGER NOT NULL REFERENCES building (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL CHECK (number > 0),
  floors       INTEGER NOT NULL DEFAULT 0 CHECK (floors >= 0),
  households   INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
  UNIQUE (building_id, number)
) STRICT;

CREATE TABLE person (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
  gender         TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female')),
  phone          TEXT,
  phone2         TEXT,
  party_member   INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
  background     TEXT NOT NULL DEFAULT '',
  home_unit_id   INTEGER REFERENCES unit (id) ON DELETE SET NULL,
  -- Consent to print the phone on a board: yes/no, and when it was recorded
  -- (NULL: never asked, which counts as no).
  phone_consent  INTEGER NOT NULL DEFAULT 0 CHECK (phone_consent IN (0, 1)),
  consent_date   TEXT CHECK (consent_date IS NULL OR consent_date IS date(consent_date)),
  notes          TEXT NOT NULL DEFAULT '',
  name_pinyin    TEXT NOT NULL DEFAULT '',
  name_initials  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX person_phone ON person (phone);
CREATE INDEX person_home ON person (home_unit_id);

-- Photos and personal WeChat QR codes, apart from person so that lists do
-- not read the bytes.
CREATE TABLE person_image (
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('photo', 'qr')),
  mime_type  TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png')),
  width      INTEGER NOT NULL CHECK (width > 0),
  height     INTEGER NOT NULL CHECK (height > 0),
  data       BLOB NOT NULL,
  taken_on   TEXT NOT NULL CHECK (taken_on IS date(taken_on)),
  PRIMARY KEY (person_id, kind)
) STRICT;

CREATE TABLE post (
  id           INTEGER PRIMARY KEY,
  level        TEXT NOT NULL CHECK (level IN ('grid', 'building', 'unit')),
  grid_id      INTEGER REFERENCES grid (id) ON DELETE CASCADE,
  building_id  INTEGER REFERENCES building (id) ON DELETE CASCADE,
  unit_id      INTEGER REFERENCES unit (id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  start_date   TEXT NOT NULL CHECK (start_date IS date(start_date)),
  end_date     TEXT CHECK (end_date IS NULL OR (end_date IS date(end_date) AND end_date >= start_date)),
  end_reason   TEXT NOT NULL DEFAULT '',
  chosen_by    TEXT NOT NULL CHECK (chosen_by IN ('election', 'recommendation', 'self_nomination', 'appointment')),
  CHECK ((level = 'grid') = (grid_id IS NOT NULL)
         AND (level = 'building') = (building_id IS NOT NULL)
         AND (level = 'unit') = (unit_id IS NOT NULL))
) STRICT;
-- One current head per place and level.
CREATE UNIQUE INDEX post_current_grid ON post (grid_id) WHERE grid_id IS NOT NULL AND end_date IS NULL;
CREATE UNIQUE INDEX post_current_building ON post (building_id) WHERE building_id IS NOT NULL AND end_date IS NULL;
CREATE UNIQUE INDEX post_current_unit ON post (unit_id) WHERE unit_id IS NOT NULL AND end_date IS NULL;
CREATE INDEX post_grid ON post (grid_id);
CREATE INDEX post_building ON post (building_id);
CREATE INDEX post_unit ON post (unit_id);
CREATE INDEX post_person ON post (person_id);

-- The duties printed for each level; editable and ordered.
CREATE TABLE duty (
  id        INTEGER PRIMARY KEY,
  level     TEXT NOT NULL CHECK (level IN ('grid', 'building', 'unit')),
  position  INTEGER NOT NULL,
  text      TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;
CREATE INDEX duty_level ON duty (level, position);

CREATE TABLE hotline (
  id            INTEGER PRIMARY KEY,
  category      TEXT NOT NULL CHECK (category IN ('water', 'electricity', 'gas', 'heating', 'property',
                                                  'community_office', 'police_station', 'city_hotline',
                                                  'supervision', 'emergency', 'other')),
  label         TEXT NOT NULL DEFAULT '',
  number        TEXT NOT NULL CHECK (length(number) > 0),
  scope         TEXT NOT NULL CHECK (scope IN ('community', 'compound', 'building')),
  community_id  INTEGER REFERENCES community (id) ON DELETE CASCADE,
  compound_id   INTEGER REFERENCES compound (id) ON DELETE CASCADE,
  building_id   INTEGER REFERENCES building (id) ON DELETE CASCADE,
  verified_on   TEXT CHECK (verified_on IS NULL OR verified_on IS date(verified_on)),
  position      INTEGER NOT NULL DEFAULT 0,
  CHECK ((scope = 'community') = (community_id IS NOT NULL)
         AND (scope = 'compound') = (compound_id IS NOT NULL)
         AND (scope = 'building') = (building_id IS NOT NULL))
) STRICT;
CREATE INDEX hotline_community ON hotline (community_id);
CREATE INDEX hotline_compound ON hotline (compound_id);
CREATE INDEX hotline_building ON hotline (building_id);

-- Every change to the tables above leaves a row here, written by triggers
-- in the same transaction.  The triggers call sz_actor(), a function only
-- Sanzhang registers: a tool that cannot say who it is cannot change the
-- roster behind the log's back.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values  TEXT,
  new_values  TEXT
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log cannot be changed');
END;
