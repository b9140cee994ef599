-- 0006-community-people.sql for PostgreSQL 15: people belong to a
-- community; the demo is marked as such (see ../0006-community-people.sql).

-- The community a person belongs to.  As in SQLite the column may hold
-- NULL, and the triggers below refuse it from now on; the UPDATE fills it
-- for the people already there.
ALTER TABLE person ADD COLUMN community_id bigint REFERENCES community (id) ON DELETE CASCADE;

-- Backfill, first answer wins: the community of the person's earliest
-- post (grid, building or unit), of their home unit, of the earliest
-- record they were the head for; for people with none of these, the only
-- community.  With several communities and nothing to tell, the lowest id.
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
  FOR EACH ROW WHEN (NEW.community_id IS NULL)
  EXECUTE FUNCTION sz_refuse ('a person belongs to a community: person.community_id cannot be NULL');
CREATE TRIGGER person_community_update BEFORE UPDATE OF community_id ON person
  FOR EACH ROW WHEN (NEW.community_id IS NULL)
  EXECUTE FUNCTION sz_refuse ('a person belongs to a community: person.community_id cannot be NULL');

CREATE INDEX person_community ON person (community_id, name);

-- The fictional demo community (sz_demo_load sets it; the migration's C
-- step marks an existing demo by its name and street office).
ALTER TABLE community ADD COLUMN demo bigint NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));

-- The audit log is kept, except the rows about a community being deleted:
-- they go with it.  The deletion is allowed only while sz_audit_purging()
-- (0001) names a community that no longer exists in this transaction.
-- (Besides, only the log's owner may delete from it at all: 0009.)
DROP TRIGGER audit_log_no_delete ON audit_log;
CREATE FUNCTION audit_log_no_delete () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (sz_audit_purging () > 0
          AND NOT EXISTS (SELECT 1 FROM community WHERE id = sz_audit_purging ())) THEN
    RAISE EXCEPTION 'the audit log cannot be changed' USING ERRCODE = 'P0001';
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_no_delete ();

-- The grid a compound was added under: where it shows while it has no
-- building yet (a compound's grids are otherwise its buildings' grids).
ALTER TABLE compound ADD COLUMN grid_id bigint REFERENCES grid (id) ON DELETE SET NULL;
