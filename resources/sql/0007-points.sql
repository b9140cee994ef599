-- 0007-points.sql: volunteer service hours and points (积分), rewards and
-- honours.
--
-- Units: minutes of service, tenths of a point (integers).  Days are
-- 'YYYY-MM-DD' (Asia/Shanghai), entry times Unix seconds.
--
-- The ledger is points_movement: append-only.  The triggers below refuse
-- UPDATE always, DELETE unless the community is being deleted, and any
-- movement that would take a person's points or hours below zero, that
-- names a person, activity, record, redemption or reversed movement of
-- another community or person, or that reverses a movement twice.  The
-- program checks the same first to say it in the user's words; the
-- triggers are for every other path (the sqlite3 shell, a bug).

-- Points earned in year Y expire at the end of year Y + points_expiry_years;
-- 0: never.
ALTER TABLE community ADD COLUMN points_expiry_years INTEGER NOT NULL DEFAULT 0
  CHECK (points_expiry_years BETWEEN 0 AND 50);

-- While sz_community_delete() deletes a community it inserts its id here
-- (allowed only while sz_audit_purging() names it: only Sanzhang registers
-- that function); the row goes with the community.  Movements and
-- redemptions may be deleted only then.
CREATE TABLE community_deleting (
  community_id  INTEGER PRIMARY KEY REFERENCES community (id) ON DELETE CASCADE
) STRICT;
CREATE TRIGGER community_deleting_insert BEFORE INSERT ON community_deleting
  WHEN sz_audit_purging () IS NOT NEW.community_id
BEGIN
  SELECT RAISE (ABORT, 'only the deletion of a community may mark it so');
END;
CREATE TRIGGER community_deleting_update BEFORE UPDATE ON community_deleting
BEGIN
  SELECT RAISE (ABORT, 'only the deletion of a community may mark it so');
END;

CREATE TABLE activity_type (
  id               INTEGER PRIMARY KEY,
  community_id     INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  basis            TEXT NOT NULL CHECK (basis IN ('per_hour', 'per_occasion')),
  points_per_unit  INTEGER NOT NULL CHECK (points_per_unit BETWEEN 0 AND 100000),
  minutes          INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  levels           INTEGER NOT NULL DEFAULT 0 CHECK (levels BETWEEN 0 AND 7),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (community_id, name)
) STRICT;

-- One occasion: a patrol, a clean-up day.
CREATE TABLE activity (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  type_id       INTEGER NOT NULL REFERENCES activity_type (id),
  day           TEXT NOT NULL CHECK (day IS date(day)),
  title         TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  entered_at    INTEGER NOT NULL,
  actor         TEXT NOT NULL
) STRICT;
CREATE INDEX activity_community ON activity (community_id, day);
CREATE INDEX activity_type_used ON activity (type_id);
CREATE TRIGGER activity_same_community BEFORE INSERT ON activity
  WHEN NOT EXISTS (SELECT 1 FROM activity_type WHERE id = NEW.type_id AND community_id = NEW.community_id)
BEGIN
  SELECT RAISE (ABORT, 'an activity''s type belongs to its community');
END;
CREATE TRIGGER activity_same_community_update BEFORE UPDATE OF community_id, type_id ON activity
  WHEN NOT EXISTS (SELECT 1 FROM activity_type WHERE id = NEW.type_id AND community_id = NEW.community_id)
BEGIN
  SELECT RAISE (ABORT, 'an activity''s type belongs to its community');
END;

-- The catalogue.  stock NULL: no limit (a service); never below zero.
CREATE TABLE reward (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description   TEXT NOT NULL DEFAULT '',
  price         INTEGER NOT NULL CHECK (price > 0),
  stock         INTEGER CHECK (stock IS NULL OR stock >= 0),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (community_id, name)
) STRICT;

-- A reward taken: its points movement names it.  Append-only like the
-- movements (the price is kept as it was).
CREATE TABLE redemption (
  id            INTEGER PRIMARY KEY,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  person_id     INTEGER NOT NULL REFERENCES person (id),
  reward_id     INTEGER NOT NULL REFERENCES reward (id),
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  price         INTEGER NOT NULL CHECK (price > 0),
  day           TEXT NOT NULL CHECK (day IS date(day))
) STRICT;
CREATE INDEX redemption_reward ON redemption (reward_id);
CREATE INDEX redemption_person ON redemption (person_id);
CREATE TRIGGER redemption_same_community BEFORE INSERT ON redemption
  WHEN NOT EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND community_id = NEW.community_id)
    OR NOT EXISTS (SELECT 1 FROM reward WHERE id = NEW.reward_id AND community_id = NEW.community_id)
BEGIN
  SELECT RAISE (ABORT, 'a redemption''s person and reward belong to its community');
END;
CREATE TRIGGER redemption_no_update BEFORE UPDATE ON redemption
BEGIN
  SELECT RAISE (ABORT, 'a redemption cannot be changed: reverse its movement instead');
END;
CREATE TRIGGER redemption_no_delete BEFORE DELETE ON redemption
  WHEN NOT EXISTS (SELECT 1 FROM community_deleting WHERE community_id = OLD.community_id)
BEGIN
  SELECT RAISE (ABORT, 'a redemption cannot be deleted: reverse its movement instead');
END;

-- The ledger.  kind: what the movement is; counts: what it counts as in
-- the figures (a correction counts as earned; a reversal as what it
-- reverses).
CREATE TABLE points_movement (
  id             INTEGER PRIMARY KEY,
  community_id   INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES person (id),
  kind           TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'correct')),
  counts         TEXT NOT NULL CHECK (counts IN ('earn', 'redeem', 'expire')),
  day            TEXT NOT NULL CHECK (day IS date(day)),
  entered_at     INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  minutes        INTEGER NOT NULL DEFAULT 0,
  points         INTEGER NOT NULL DEFAULT 0,
  activity_id    INTEGER REFERENCES activity (id),
  record_id      INTEGER REFERENCES record (id),
  redemption_id  INTEGER REFERENCES redemption (id),
  reverses_id    INTEGER REFERENCES points_movement (id),
  reason         TEXT NOT NULL DEFAULT '',
  CHECK (kind <> 'earn' OR (minutes >= 0 AND points >= 0 AND (minutes > 0 OR points > 0))),
  CHECK (kind NOT IN ('redeem', 'expire') OR (minutes = 0 AND points < 0)),
  CHECK (kind <> 'correct' OR (length(trim(reason)) > 0 AND (minutes <> 0 OR points <> 0))),
  CHECK (kind <> 'redeem' OR redemption_id IS NOT NULL),
  CHECK (reverses_id IS NULL OR kind = 'correct')
) STRICT;
-- The sums per person: covering, so that the balance check reads a few
-- index entries.
CREATE INDEX points_movement_person ON points_movement (person_id, counts, day, points, minutes);
CREATE INDEX points_movement_activity ON points_movement (activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX points_movement_record ON points_movement (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX points_movement_redemption ON points_movement (redemption_id) WHERE redemption_id IS NOT NULL;
-- A movement is reversed at most once.
CREATE UNIQUE INDEX points_movement_reverses ON points_movement (reverses_id) WHERE reverses_id IS NOT NULL;

CREATE TRIGGER points_movement_check BEFORE INSERT ON points_movement
BEGIN
  SELECT RAISE (ABORT, 'a movement''s person belongs to its community')
   WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND community_id = NEW.community_id);
  SELECT RAISE (ABORT, 'a movement''s activity belongs to its community')
   WHERE NEW.activity_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM activity WHERE id = NEW.activity_id AND community_id = NEW.community_id);
  SELECT RAISE (ABORT, 'a movement''s record belongs to its community')
   WHERE NEW.record_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM record WHERE id = NEW.record_id AND community_id = NEW.community_id);
  SELECT RAISE (ABORT, 'a movement''s redemption is of its person and community')
   WHERE NEW.redemption_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM redemption WHERE id = NEW.redemption_id AND community_id = NEW.community_id
                                                AND person_id = NEW.person_id);
  SELECT RAISE (ABORT, 'a reversal undoes exactly one movement of the same person that is not a reversal')
   WHERE NEW.reverses_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM points_movement
                      WHERE id = NEW.reverses_id AND person_id = NEW.person_id AND reverses_id IS NULL
                        AND points = -NEW.points AND minutes = -NEW.minutes AND counts = NEW.counts);
  SELECT RAISE (ABORT, 'a movement counts as its kind, a correction as earned')
   WHERE NEW.reverses_id IS NULL
     AND NEW.counts IS NOT (CASE NEW.kind WHEN 'correct' THEN 'earn' ELSE NEW.kind END);
  SELECT RAISE (ABORT, 'a record is credited once')
   WHERE NEW.kind = 'earn' AND NEW.record_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM points_movement m
                  WHERE m.record_id = NEW.record_id AND m.kind = 'earn'
                    AND NOT EXISTS (SELECT 1 FROM points_movement r WHERE r.reverses_id = m.id));
  SELECT RAISE (ABORT, 'the points balance cannot go below zero')
   WHERE NEW.points < 0
     AND (SELECT coalesce (sum (points), 0) FROM points_movement WHERE person_id = NEW.person_id) + NEW.points < 0;
  SELECT RAISE (ABORT, 'the service hours cannot go below zero')
   WHERE NEW.minutes < 0
     AND (SELECT coalesce (sum (minutes), 0) FROM points_movement WHERE person_id = NEW.person_id) + NEW.minutes < 0;
END;

CREATE TRIGGER points_movement_no_update BEFORE UPDATE ON points_movement
BEGIN
  SELECT RAISE (ABORT, 'a points movement cannot be changed: add a correction or a reversal instead');
END;
CREATE TRIGGER points_movement_no_delete BEFORE DELETE ON points_movement
  WHEN NOT EXISTS (SELECT 1 FROM community_deleting WHERE community_id = OLD.community_id)
BEGIN
  SELECT RAISE (ABORT, 'a points movement cannot be deleted: add a correction or a reversal instead');
END;

-- The figures per person, kept by the trigger below from the movements
-- (lists read them instead of summing 500,000 movements).  A row that
-- does not match the movements is refused, so it cannot be edited apart.
CREATE TABLE points_balance (
  person_id     INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  minutes       INTEGER NOT NULL CHECK (minutes >= 0),
  earned        INTEGER NOT NULL,
  redeemed      INTEGER NOT NULL,
  expired       INTEGER NOT NULL,
  balance       INTEGER NOT NULL CHECK (balance >= 0),
  CHECK (balance = earned - redeemed - expired)
) STRICT;
CREATE INDEX points_balance_community ON points_balance (community_id);

CREATE TRIGGER points_movement_balance AFTER INSERT ON points_movement
BEGIN
  UPDATE points_balance SET
    minutes = minutes + NEW.minutes,
    earned = earned + CASE NEW.counts WHEN 'earn' THEN NEW.points ELSE 0 END,
    redeemed = redeemed + CASE NEW.counts WHEN 'redeem' THEN -NEW.points ELSE 0 END,
    expired = expired + CASE NEW.counts WHEN 'expire' THEN -NEW.points ELSE 0 END,
    balance = balance + NEW.points
  WHERE person_id = NEW.person_id;
  -- The person's first movement.
  INSERT INTO points_balance (person_id, community_id, minutes, earned, redeemed, expired, balance)
  SELECT NEW.person_id, NEW.community_id, NEW.minutes,
         CASE NEW.counts WHEN 'earn' THEN NEW.points ELSE 0 END,
         CASE NEW.counts WHEN 'redeem' THEN -NEW.points ELSE 0 END,
         CASE NEW.counts WHEN 'expire' THEN -NEW.points ELSE 0 END,
         NEW.points
   WHERE NOT EXISTS (SELECT 1 FROM points_balance WHERE person_id = NEW.person_id);
END;

CREATE TRIGGER points_balance_insert BEFORE INSERT ON points_balance
  WHEN NEW.minutes IS NOT (SELECT coalesce (sum (minutes), 0) FROM points_movement WHERE person_id = NEW.person_id)
    OR NEW.balance IS NOT (SELECT coalesce (sum (points), 0) FROM points_movement WHERE person_id = NEW.person_id)
    OR NEW.earned IS NOT (SELECT coalesce (sum (points), 0) FROM points_movement
                           WHERE person_id = NEW.person_id AND counts = 'earn')
    OR NEW.redeemed IS NOT (SELECT coalesce (-sum (points), 0) FROM points_movement
                             WHERE person_id = NEW.person_id AND counts = 'redeem')
    OR NEW.community_id IS NOT (SELECT community_id FROM person WHERE id = NEW.person_id)
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;
CREATE TRIGGER points_balance_update BEFORE UPDATE ON points_balance
  WHEN NEW.person_id IS NOT OLD.person_id OR NEW.community_id IS NOT OLD.community_id
    OR NEW.minutes IS NOT (SELECT coalesce (sum (minutes), 0) FROM points_movement WHERE person_id = NEW.person_id)
    OR NEW.balance IS NOT (SELECT coalesce (sum (points), 0) FROM points_movement WHERE person_id = NEW.person_id)
    OR NEW.earned IS NOT (SELECT coalesce (sum (points), 0) FROM points_movement
                           WHERE person_id = NEW.person_id AND counts = 'earn')
    OR NEW.redeemed IS NOT (SELECT coalesce (-sum (points), 0) FROM points_movement
                             WHERE person_id = NEW.person_id AND counts = 'redeem')
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;
CREATE TRIGGER points_balance_delete BEFORE DELETE ON points_balance
  WHEN EXISTS (SELECT 1 FROM points_movement WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;

-- Hours and points earned per person and period ('2026' and '2026-Q3'),
-- kept by the trigger below, for the honours' shortlist (ranked without
-- summing a year's movements).  Checked against the movements like
-- points_balance.
CREATE TABLE points_period (
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  period        TEXT NOT NULL,
  minutes       INTEGER NOT NULL,
  earned        INTEGER NOT NULL,
  PRIMARY KEY (person_id, period)
) STRICT, WITHOUT ROWID;
CREATE INDEX points_period_rank ON points_period (community_id, period, minutes DESC, earned DESC);

CREATE TRIGGER points_movement_period AFTER INSERT ON points_movement
  WHEN NEW.counts = 'earn'
BEGIN
  UPDATE points_period SET minutes = minutes + NEW.minutes, earned = earned + NEW.points
   WHERE person_id = NEW.person_id
     AND period IN (substr (NEW.day, 1, 4),
                    substr (NEW.day, 1, 4) || '-Q' || ((CAST (substr (NEW.day, 6, 2) AS INTEGER) + 2) / 3));
  INSERT INTO points_period (person_id, community_id, period, minutes, earned)
  SELECT NEW.person_id, NEW.community_id, p.period, NEW.minutes, NEW.points
    FROM (SELECT substr (NEW.day, 1, 4) AS period
          UNION ALL
          SELECT substr (NEW.day, 1, 4) || '-Q' || ((CAST (substr (NEW.day, 6, 2) AS INTEGER) + 2) / 3)) p
   WHERE NOT EXISTS (SELECT 1 FROM points_period o WHERE o.person_id = NEW.person_id AND o.period = p.period);
END;

CREATE TRIGGER points_period_insert BEFORE INSERT ON points_period
  WHEN NEW.community_id IS NOT (SELECT community_id FROM person WHERE id = NEW.person_id)
    OR (SELECT coalesce (sum (minutes), 0) || ' ' || coalesce (sum (points), 0) FROM points_movement
         WHERE person_id = NEW.person_id AND counts = 'earn'
           AND (substr (day, 1, 4) = NEW.period
                OR substr (day, 1, 4) || '-Q' || ((CAST (substr (day, 6, 2) AS INTEGER) + 2) / 3) = NEW.period))
       IS NOT NEW.minutes || ' ' || NEW.earned
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;
CREATE TRIGGER points_period_update BEFORE UPDATE ON points_period
  WHEN NEW.person_id IS NOT OLD.person_id OR NEW.community_id IS NOT OLD.community_id OR NEW.period IS NOT OLD.period
    OR (SELECT coalesce (sum (minutes), 0) || ' ' || coalesce (sum (points), 0) FROM points_movement
         WHERE person_id = NEW.person_id AND counts = 'earn'
           AND (substr (day, 1, 4) = NEW.period
                OR substr (day, 1, 4) || '-Q' || ((CAST (substr (day, 6, 2) AS INTEGER) + 2) / 3) = NEW.period))
       IS NOT NEW.minutes || ' ' || NEW.earned
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;
CREATE TRIGGER points_period_delete BEFORE DELETE ON points_period
  WHEN EXISTS (SELECT 1 FROM points_movement WHERE person_id = OLD.person_id)
BEGIN
  SELECT RAISE (ABORT, 'the points figures are kept from the movements');
END;

-- The balance list in the people page's order, without a sort.
CREATE INDEX person_pinyin ON person (community_id, name_pinyin, name);

-- Honours: 公示 (publicity), then final with a certificate number from the
-- register, or withdrawn with a reason.
CREATE TABLE honour (
  id                INTEGER PRIMARY KEY,
  community_id      INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  person_id         INTEGER NOT NULL REFERENCES person (id),
  period            TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]'
                                         OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  reason            TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL CHECK (status IN ('publicity', 'final', 'withdrawn')),
  publicity_from    TEXT NOT NULL CHECK (publicity_from IS date(publicity_from)),
  publicity_until   TEXT NOT NULL CHECK (publicity_until IS date(publicity_until)
                                         AND publicity_until >= publicity_from),
  awarded_on        TEXT CHECK (awarded_on IS NULL OR (awarded_on IS date(awarded_on)
                                                       AND awarded_on > publicity_until)),
  certificate_year  INTEGER,
  certificate_seq   INTEGER CHECK (certificate_seq IS NULL OR certificate_seq > 0),
  certificate_no    TEXT,
  withdrawn_reason  TEXT NOT NULL DEFAULT '',
  CHECK ((status = 'final') = (awarded_on IS NOT NULL AND certificate_year IS NOT NULL
                               AND certificate_seq IS NOT NULL AND certificate_no IS NOT NULL)),
  CHECK (status <> 'withdrawn' OR length(trim(withdrawn_reason)) > 0)
) STRICT;
CREATE INDEX honour_community ON honour (community_id, period);
CREATE INDEX honour_person ON honour (person_id);
CREATE UNIQUE INDEX honour_once ON honour (community_id, person_id, period, title) WHERE status <> 'withdrawn';
CREATE UNIQUE INDEX honour_certificate ON honour (community_id, certificate_year, certificate_seq)
  WHERE certificate_seq IS NOT NULL;
CREATE TRIGGER honour_same_community BEFORE INSERT ON honour
  WHEN NOT EXISTS (SELECT 1 FROM person WHERE id = NEW.person_id AND community_id = NEW.community_id)
BEGIN
  SELECT RAISE (ABORT, 'an honour''s person belongs to its community');
END;
CREATE TRIGGER honour_final BEFORE UPDATE ON honour
  WHEN OLD.status <> 'publicity'
    OR NEW.person_id IS NOT OLD.person_id OR NEW.community_id IS NOT OLD.community_id
BEGIN
  SELECT RAISE (ABORT, 'an honour that is final or withdrawn cannot be changed');
END;
CREATE TRIGGER honour_no_delete BEFORE DELETE ON honour
  WHEN OLD.status = 'final'
    AND NOT EXISTS (SELECT 1 FROM community_deleting WHERE community_id = OLD.community_id)
BEGIN
  SELECT RAISE (ABORT, 'an honour that is final cannot be deleted');
END;

-- The certificate register: the last number given per community and year.
-- Numbers are never given twice, even when an honour goes.
CREATE TABLE certificate_register (
  community_id  INTEGER NOT NULL REFERENCES community (id) ON DELETE CASCADE,
  year          INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
  last_seq      INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (community_id, year)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER certificate_register_forward BEFORE UPDATE ON certificate_register
  WHEN NEW.last_seq <= OLD.last_seq OR NEW.community_id IS NOT OLD.community_id OR NEW.year IS NOT OLD.year
BEGIN
  SELECT RAISE (ABORT, 'the certificate register only counts forward');
END;
CREATE TRIGGER honour_certificate_registered BEFORE UPDATE OF certificate_seq ON honour
  WHEN NEW.certificate_seq IS NOT NULL
   AND NEW.certificate_seq > coalesce ((SELECT last_seq FROM certificate_register
                                          WHERE community_id = NEW.community_id AND year = NEW.certificate_year), 0)
BEGIN
  SELECT RAISE (ABORT, 'a certificate number comes from the register');
END;
CREATE TRIGGER certificate_register_no_delete BEFORE DELETE ON certificate_register
  WHEN EXISTS (SELECT 1 FROM community WHERE id = OLD.community_id)
BEGIN
  SELECT RAISE (ABORT, 'the certificate register only counts forward');
END;
