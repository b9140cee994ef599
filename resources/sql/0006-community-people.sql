-- 0006-community-people.sql: people belong to a community; the demo is
-- marked as such.
--
-- Before this, person had no community: deleting a community (the demo
-- replaced by an empty one) left its people behind, and every list, search
-- and check saw the people of every community.

-- The community a person belongs to.  An added column cannot be NOT NULL
-- with a reference, so the triggers below refuse NULL from now on; the
-- UPDATE fills it for the people already there.
ALTER TABLE person ADD COLUMN community_id INTEGER REFERENCES community (id) ON DELETE CASCADE;

-- Backfill, first answer wins: the community of the person's earliest
-- post (grid, building or unit), of their home unit, of the earliest
-- record they were the head for; for people with none of these, the only
-- community.  With several communities and nothing to tell, the lowest id
-- (the first one made, usually the only real one): the office can see
-- them in that community's people page and delete them there.
UPDATE person SET community_id = coalesce (
  (SELECT coalesce (g.community_id, cb.community_id, cu.community_id)
     FROM post p
     LEFT JOIN grid g ON g.id = p.grid_id
     LEFT JOIN building b ON b.id = p.building_id
     LEFT JOIN compound cb ON cb.id = b.compound_id
     LEFT JOIN unit u ON u.id = p.unit_id
     LEFT JOIN building bu ON bu.id = u.building_id
     LEFT JOIN compound cu ON cu.id = bu.compound_id
    WHERE p.person_id = person.id
    ORDER BY p.start_date, p.id LIMIT 1),
  (SELECT c.community_id
     FROM unit u JOIN building b ON b.id = u.building_id JOIN compound c ON c.id = b.compound_id
    WHERE u.id = person.home_unit_id),
  (SELECT r.community_id FROM record r WHERE r.head_person_id = person.id ORDER BY r.id LIMIT 1),
  (SELECT min (id) FROM community));

CREATE TRIGGER person_community_insert BEFORE INSERT ON person
  WHEN NEW.community_id IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a person belongs to a community: person.community_id cannot be NULL');
END;
CREATE TRIGGER person_community_update BEFORE UPDATE OF community_id ON person
  WHEN NEW.community_id IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a person belongs to a community: person.community_id cannot be NULL');
END;

CREATE INDEX person_community ON person (community_id, name);

-- The fictional demo community (sz_demo_load sets it; the migration's C
-- step marks an existing demo by its name and street office).
ALTER TABLE community ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

-- The audit log is kept, except the rows about a community being deleted:
-- they go with it (the demo's made-up people must leave no trace).  The
-- deletion is allowed only while sz_audit_purging() — a function only
-- Sanzhang registers, and only inside sz_community_delete() — names a
-- community that no longer exists in this transaction.  Any other
-- program, and any other moment, gets the refusal (or "no such
-- function").
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  WHEN NOT (sz_audit_purging () > 0
            AND NOT EXISTS (SELECT 1 FROM community WHERE id = sz_audit_purging ()))
BEGIN
  SELECT RAISE (ABORT, 'the audit log cannot be changed');
END;

-- The grid a compound was added under: where it shows while it has no
-- building yet (a compound's grids are otherwise its buildings' grids).
ALTER TABLE compound ADD COLUMN grid_id INTEGER REFERENCES grid (id) ON DELETE SET NULL;
