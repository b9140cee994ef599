-- 0003-records.sql: residents' issue records (民情).
--
-- A record holds what was reported at intake (audited like the roster); its
-- history is append-only: the triggers below refuse UPDATE always, and
-- DELETE while the record's community exists, so history goes only with its
-- community.  record_state is derived from the history by src/core (in the
-- same transaction as each entry) so that lists and figures need no replay.
-- Times are Unix seconds; src/core reckons days in Asia/Shanghai time.

CREATE TABLE record_category (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  time_class  TEXT NOT NULL CHECK (time_class IN ('emergency', 'utility', 'general', 'complex')),
  position    INTEGER NOT NULL,
  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;

CREATE TABLE record (
  id              INTEGER PRIMARY KEY,
  community_id    INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  received_at     INTEGER NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('wechat', 'visit', 'phone', 'patrol', 'city_hotline', 'other')),
  -- Private: masked on screen and in exports, never printed.
  reporter_name   TEXT NOT NULL DEFAULT '',
  reporter_phone  TEXT,
  -- Where: the kind and the place; grid_id is the place's grid (NULL for the
  -- community or a compound); place_text keeps the words if the place goes.
  place_kind      TEXT NOT NULL CHECK (place_kind IN ('community', 'grid', 'compound', 'building', 'unit')),
  place_id        INTEGER NOT NULL,
  grid_id         INTEGER REFERENCES grid (id) ON DELETE SET NULL,
  place_text      TEXT NOT NULL,
  category_id     INTEGER NOT NULL REFERENCES record_category (id) ON DELETE RESTRICT,
  duty            TEXT NOT NULL CHECK (duty IN ('collect', 'publicise', 'mediate', 'serve', 'supervise')),
  description     TEXT NOT NULL CHECK (length(trim(description)) > 0),
  head_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
  time_class      TEXT NOT NULL CHECK (time_class IN ('emergency', 'utility', 'general', 'complex'))
) STRICT;
CREATE INDEX record_received ON record (community_id, received_at);
-- The list's filters, newest first.
CREATE INDEX record_grid ON record (grid_id, received_at);
CREATE INDEX record_category_used ON record (category_id, received_at);
CREATE INDEX record_head ON record (head_person_id);

CREATE TRIGGER record_no_delete BEFORE DELETE ON record
  WHEN EXISTS (SELECT 1 FROM community WHERE id = OLD.community_id)
BEGIN
  SELECT RAISE (ABORT, 'issue records are kept: they go only with their community');
END;

CREATE TABLE record_event (
  id            INTEGER PRIMARY KEY,
  record_id     INTEGER NOT NULL REFERENCES record (id) ON DELETE CASCADE,
  action        TEXT NOT NULL CHECK (action IN ('receive', 'report', 'dispatch', 'return', 'suspend', 'resume',
                                                'resolve', 'follow_up', 'reopen', 'close')),
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  department    TEXT NOT NULL DEFAULT '',
  contact       TEXT NOT NULL DEFAULT '',
  satisfaction  TEXT CHECK (satisfaction IN ('satisfied', 'basically', 'dissatisfied')),
  entered_at    INTEGER NOT NULL,
  CHECK ((action = 'follow_up') = (satisfaction IS NOT NULL)),
  CHECK (action <> 'dispatch' OR length(trim(department)) > 0)
) STRICT;
CREATE INDEX record_event_record ON record_event (record_id, id);

CREATE TRIGGER record_event_no_update BEFORE UPDATE ON record_event
BEGIN
  SELECT RAISE (ABORT, 'the history of an issue record cannot be changed: add an entry instead');
END;
CREATE TRIGGER record_event_no_delete BEFORE DELETE ON record_event
  WHEN EXISTS (SELECT 1 FROM record r JOIN community c ON c.id = r.community_id WHERE r.id = OLD.record_id)
BEGIN
  SELECT RAISE (ABORT, 'the history of an issue record cannot be deleted');
END;

-- Derived from record_event by src/core; never edited by hand.
CREATE TABLE record_state (
  record_id          INTEGER PRIMARY KEY REFERENCES record (id) ON DELETE CASCADE,
  status             TEXT NOT NULL,
  before_suspension  TEXT,
  clock_start        INTEGER NOT NULL,
  suspended_seconds  INTEGER NOT NULL,
  suspended_since    INTEGER NOT NULL,
  due_at             INTEGER NOT NULL,
  responded_at       INTEGER NOT NULL,
  resolved_at        INTEGER NOT NULL,
  closed_at          INTEGER NOT NULL,
  satisfaction       TEXT,
  last_at            INTEGER NOT NULL,
  n_events           INTEGER NOT NULL,
  -- What the list's search looks in, lower-cased: the description, the
  -- place, and the notes, departments and contacts of the history.
  search_text        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX record_state_open ON record_state (status, due_at);
