#!/bin/bash
# tests/pg/test-pg-schema.sh: the PostgreSQL schema (resources/sql/pg/)
# keeps the rules the SQLite schema keeps, and the server's roles and
# row-level security keep each community's data to its staff.
#
#   SANZHANG_TEST_PG_HOST=/socket/dir SANZHANG_TEST_PG_PORT=5432 bash tests/pg/test-pg-schema.sh
#
# Needs a running PostgreSQL 15 cluster whose superuser is "postgres"
# (build-aux/pg-cluster.sh makes one).  Makes a database and three login
# roles of its own, named for this run, applies the nine migrations to the
# database as sz-db-migrate.c does (each file in one transaction), checks,
# and drops what it made.  Prints TAP; exits 0 only if every check passed,
# 77 (skipped) without a cluster.
#
# The roles sanzhang_admin, sanzhang_street and sanzhang_staff that 0009
# makes belong to the cluster and are left there, as for any database.
set -euo pipefail

# Settings from the environment must not send psql elsewhere.
for v in $(compgen -e); do
  case $v in PG*) unset "$v" ;; esac
done

if [ -z "${SANZHANG_TEST_PG_HOST:-}" ] || [ -z "${SANZHANG_TEST_PG_PORT:-}" ]; then
  echo "1..0 # SKIP SANZHANG_TEST_PG_HOST and SANZHANG_TEST_PG_PORT are not set (no PostgreSQL cluster to test on)"
  exit 77
fi
host=$SANZHANG_TEST_PG_HOST
port=$SANZHANG_TEST_PG_PORT

psql_bin=/usr/lib/postgresql/15/bin/psql
[ -x "$psql_bin" ] || psql_bin=$(command -v psql || true)
if [ -z "$psql_bin" ]; then
  echo "1..0 # SKIP no psql"
  exit 77
fi

sql_dir=$(cd "$(dirname "$0")/../../resources/sql/pg" && pwd)
migrations=(0001-roster.sql 0002-boards.sql 0003-records.sql 0004-import.sql 0005-board-print-pending.sql
            0006-community-people.sql 0007-points.sql 0008-board-language.sql 0009-wechat-groups.sql)

run_id="$$_$(date +%s)_${RANDOM}"
db="sz_schema_test_$run_id"
staff_a="sz_test_staff_a_$run_id"
staff_b="sz_test_staff_b_$run_id"
street="sz_test_street_$run_id"
password="sz-test-$RANDOM$RANDOM"

PSQL=("$psql_bin" -X -q -A -t -v ON_ERROR_STOP=1 -h "$host" -p "$port")

# As the superuser, in the maintenance database.
admin() {
  "${PSQL[@]}" -U postgres -d postgres "$@"
}

n=0          # checks so far
failures=0
planned=0    # whether the plan line was printed
cleanup() {
  local rc=$?
  set +e
  # A step outside the checks failed (set -e): that is a failed check too.
  if [ "$planned" = 0 ] && [ "$rc" != 0 ] && [ "$rc" != 77 ]; then
    echo "not ok $((n + 1)) - a step of the test failed (see the error above)"
    echo "1..$((n + 1))"
  fi
  admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1
  for r in "$staff_a" "$staff_b" "$street"; do
    admin -c "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1
  done
  exit "$rc"
}
trap cleanup EXIT

# A cluster was named: not reaching it is a failure, not a skip.
if ! out=$(admin -c "SELECT 1" 2>&1 >/dev/null); then
  planned=1
  echo "Bail out! cannot connect to the cluster at $host:$port as postgres: $out"
  exit 1
fi

pass() {
  n=$((n + 1))
  echo "ok $n - $1"
}
fail() {
  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $1"
  if [ -n "${2:-}" ]; then
    printf '%s\n' "$2" | sed 's/^/#   /'
  fi
}

# SQL as the superuser in the test database (the app's administrator:
# sanzhang.actor is believed).
q() {
  "${PSQL[@]}" -U postgres -d "$db" -c "SET sanzhang.actor = 'tester'" -c "$1"
}

# SQL as @role in the test database: logging in as it when the cluster lets
# it (trust or password), else a superuser session that becomes it (SET
# SESSION AUTHORIZATION sets session_user as a login would).
login_works=0
q_as() {
  local role=$1
  shift
  if [ "$login_works" = 1 ]; then
    PGPASSWORD=$password "${PSQL[@]}" -U "$role" -d "$db" -c "$1"
  else
    "${PSQL[@]}" -U postgres -d "$db" -c "SET SESSION AUTHORIZATION \"$role\"" -c "$1"
  fi
}

# check DESCRIPTION EXPECTED ACTUAL
check() {
  if [ "$2" = "$3" ]; then
    pass "$1"
  else
    fail "$1" "expected: $2
got:      $3"
  fi
}

# refused DESCRIPTION EXPECTED-MESSAGE ROLE SQL: the SQL fails, saying the
# expected message (ROLE "" for the superuser).
refused() {
  local desc=$1 expected=$2 role=$3 sql=$4 out
  if [ -z "$role" ]; then
    out=$(q "$sql" 2>&1) && { fail "$desc" "was not refused: $out"; return; }
  else
    out=$(q_as "$role" "$sql" 2>&1) && { fail "$desc" "was not refused: $out"; return; }
  fi
  case $out in
    *"$expected"*) pass "$desc" ;;
    *) fail "$desc" "expected an error saying: $expected
got: $out" ;;
  esac
}

# ---- The migrations, as the loader runs them ------------------------------

admin -c "CREATE DATABASE \"$db\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
for f in "${migrations[@]}"; do
  if out=$("${PSQL[@]}" -U postgres -d "$db" -1 -f "$sql_dir/$f" 2>&1 >/dev/null); then
    pass "$f applies"
  else
    fail "$f applies" "$out"
    planned=1
    echo "1..$n"
    exit 1
  fi
done

# ---- The roster and its audit log -----------------------------------------

q "INSERT INTO community (name, street_office, supervision_phone) VALUES ('测试社区', '测试街道', '12345');
   INSERT INTO grid (community_id, number, name) SELECT id, 1, '一网格' FROM community WHERE name = '测试社区';
   INSERT INTO compound (community_id, name) SELECT id, '丰和林苑' FROM community WHERE name = '测试社区';
   INSERT INTO building (compound_id, grid_id, name) SELECT c.id, g.id, '2栋' FROM compound c, grid g;
   INSERT INTO unit (building_id, number) SELECT id, 1 FROM building;
   INSERT INTO person (name, phone, community_id) SELECT '张三', '0431-88886666', id FROM community;
   INSERT INTO post (level, unit_id, person_id, start_date, chosen_by)
     SELECT 'unit', u.id, p.id, '2024-01-01', 'election' FROM unit u, person p;"
A=$(q "SELECT id FROM community WHERE name = '测试社区'")
check "a community, grid, compound, building, unit, person and post are inserted" "1 1 1 1 1 1 1" \
  "$(q "SELECT (SELECT count(*) FROM community) || ' ' || (SELECT count(*) FROM grid) || ' ' ||
               (SELECT count(*) FROM compound) || ' ' || (SELECT count(*) FROM building) || ' ' ||
               (SELECT count(*) FROM unit) || ' ' || (SELECT count(*) FROM person) || ' ' ||
               (SELECT count(*) FROM post)")"

check "each insert is logged, in order, by the actor the administrator named" \
  "community insert tester,grid insert tester,compound insert tester,building insert tester,unit insert tester,person insert tester,post insert tester" \
  "$(q "SELECT string_agg (entity || ' ' || action || ' ' || actor, ',' ORDER BY id) FROM audit_log")"

check "the community's insert is logged as SQLite's json_object writes it" \
  "{\"id\":$A,\"name\":\"测试社区\",\"street_office\":\"测试街道\",\"address\":\"\",\"office_phone\":null,\"supervision_phone\":\"12345\",\"board_title\":\"\",\"board_qr_text\":\"\",\"board_qr_caption\":\"\",\"board_vacancy_text\":\"\",\"qr_max_age_days\":180,\"demo\":0,\"points_expiry_years\":0,\"board_language\":\"zh_CN\"}|" \
  "$(q "SELECT new_values || '|' || coalesce (old_values, '') FROM audit_log WHERE entity = 'community'")"

check "the log's time is SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), in UTC" "t" \
  "$(q "SELECT bool_and (at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'
                         AND left (at, 10) = to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD')) FROM audit_log")"

P=$(q "SELECT id FROM person")
q "UPDATE person SET notes = E'a \"quote\"\nand a line' WHERE id = $P;
   INSERT INTO person_image VALUES ($P, 'photo', 'image/png', 2, 2, '\\x89504e470d0a1a0a', '2024-02-29');
   DELETE FROM person_image WHERE person_id = $P;"
expected_notes='"notes":"a \"quote\"\nand a line"'
check "an update logs the old and the new values, escaped as in SQLite" "true|true" \
  "$(q "SELECT (strpos (old_values, '\"notes\":\"\"') > 0) || '|' || (strpos (new_values, '$expected_notes') > 0)
          FROM audit_log WHERE entity = 'person' AND action = 'update'")"
check "an image is logged under its person, its bytes by size" \
  "insert $P {\"person_id\":$P,\"kind\":\"photo\",\"mime_type\":\"image/png\",\"width\":2,\"height\":2,\"data_bytes\":8,\"taken_on\":\"2024-02-29\"}|delete $P" \
  "$(q "SELECT string_agg (action || ' ' || entity_id || coalesce (' ' || new_values, ''), '|' ORDER BY id)
          FROM audit_log WHERE entity = 'person_image'")"

# ---- Constraints as in SQLite ---------------------------------------------

U=$(q "SELECT id FROM unit")
q "INSERT INTO person (name, community_id) VALUES ('李四', $A)"
P2=$(q "SELECT id FROM person WHERE name = '李四'")
refused "a second current head for one post is refused" 'violates unique constraint "post_current_unit"' "" \
  "INSERT INTO post (level, unit_id, person_id, start_date, chosen_by) VALUES ('unit', $U, $P2, '2024-06-01', 'appointment')"
check "the unique indexes post_current_grid, _building and _unit are in the schema" "3" \
  "$(q "SELECT count(*) FROM pg_index WHERE indisunique AND indexrelid::regclass::text IN
          ('post_current_grid', 'post_current_building', 'post_current_unit')")"
q "UPDATE post SET end_date = '2024-05-31', end_reason = 'moved' WHERE unit_id = $U;
   INSERT INTO post (level, unit_id, person_id, start_date, chosen_by) VALUES ('unit', $U, $P2, '2024-06-01', 'appointment')"
pass "a new head follows one whose post ended"
refused "a day that does not exist is refused (date(x) IS x)" 'violates check constraint "post_start_date_check"' "" \
  "INSERT INTO post (level, unit_id, person_id, start_date, end_date, chosen_by) VALUES ('unit', $U, $P2, '2023-02-29', '2023-03-01', 'appointment')"
refused "a day written otherwise is refused (date(x) IS x)" 'violates check constraint "person_consent_date_check"' "" \
  "UPDATE person SET consent_date = '2024-1-01' WHERE id = $P"
refused "a person without a community is refused" \
  'a person belongs to a community: person.community_id cannot be NULL' "" \
  "INSERT INTO person (name) VALUES ('王五')"

# ---- What the core's SQL calls --------------------------------------------

check "sz_digits, instr, json_extract and strftime answer as in SQLite" \
  "043188886666123||12|1||3|0|x|{\"b\":[1,\"x\"]}||2024-03-01T12:00:00.123Z 1709294400 061 5" \
  "$(q "SELECT sz_digits ('0431-88886666-123', NULL, 'abc', '12') || '|' || sz_digits ('x', '1') || '|' || sz_digits ()
               || '|' || instr ('abc', 'c') || '|' || instr ('abc', 'z')
               || '|' || json_extract ('{\"a\":{\"b\":[1,\"x\"]}}', '\$.a.b[1]')
               || '|' || json_extract ('{\"a\":{\"b\":[1,\"x\"]}}', '\$.a')
               || '|' || coalesce (json_extract ('{\"a\":1}', '\$.z'), '')
               || '|' || strftime ('%Y-%m-%dT%H:%M:%fZ %s %j %w', '2024-03-01 12:00:00.123')")"

q "INSERT INTO board_print_pending (kind, place_id, community_id, content_hash, printed_at, pid, device, inode, path)
     VALUES ('unit', $U, $A, repeat ('a', 64), '2024-01-01T00:00:00Z', 1, 2, 3, '/tmp/x.pdf')"
check "board_print_pending's rows have a rowid" "1" \
  "$(q "SELECT count(*) FROM board_print_pending WHERE rowid = (SELECT min (rowid) FROM board_print_pending)")"

# ---- Append-only tables ---------------------------------------------------

CAT=$(q "INSERT INTO record_category (name, time_class, position) VALUES ('漏水', 'utility', 1) RETURNING id")
R=$(q "INSERT INTO record (community_id, received_at, channel, place_kind, place_id, place_text, category_id, duty, description, time_class)
         VALUES ($A, 1700000000, 'phone', 'unit', $U, '2栋1单元', $CAT, 'collect', '楼道漏水', 'utility') RETURNING id")
q "INSERT INTO record_event (record_id, action, at, actor, entered_at) VALUES ($R, 'receive', 1700000000, 'tester', 1700000000)"
q "INSERT INTO activity_type (community_id, name, basis, points_per_unit) VALUES ($A, '巡逻', 'per_hour', 10)"
W=$(q "INSERT INTO reward (community_id, name, price) VALUES ($A, '毛巾', 5) RETURNING id")
q "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor, minutes, points)
     VALUES ($A, $P, 'earn', 'earn', '2024-05-01', 1, 'tester', 60, 10), ($A, $P, 'earn', 'earn', '2024-08-01', 1, 'tester', 30, 5)"
RD=$(q "INSERT INTO redemption (community_id, person_id, reward_id, quantity, price, day) VALUES ($A, $P, $W, 1, 5, '2024-09-01') RETURNING id")
q "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor, points, redemption_id)
     VALUES ($A, $P, 'redeem', 'redeem', '2024-09-01', 1, 'tester', -5, $RD)"

refused "the audit log refuses UPDATE" 'the audit log cannot be changed' "" "UPDATE audit_log SET actor = 'x'"
refused "the audit log refuses DELETE" 'the audit log cannot be changed' "" "DELETE FROM audit_log"
refused "the audit log refuses TRUNCATE" 'the audit log cannot be changed' "" "TRUNCATE audit_log"
refused "a record's history refuses UPDATE" \
  'the history of an issue record cannot be changed: add an entry instead' "" "UPDATE record_event SET note = 'x'"
refused "a record's history refuses DELETE" 'the history of an issue record cannot be deleted' "" "DELETE FROM record_event"
refused "a record is kept while its community is" 'issue records are kept: they go only with their community' "" \
  "DELETE FROM record"
refused "the points ledger refuses UPDATE" \
  'a points movement cannot be changed: add a correction or a reversal instead' "" "UPDATE points_movement SET points = 100"
refused "the points ledger refuses DELETE" \
  'a points movement cannot be deleted: add a correction or a reversal instead' "" "DELETE FROM points_movement"
refused "a redemption refuses UPDATE" 'a redemption cannot be changed: reverse its movement instead' "" \
  "UPDATE redemption SET quantity = 2"
refused "a redemption refuses DELETE" 'a redemption cannot be deleted: reverse its movement instead' "" \
  "DELETE FROM redemption"

# ---- Points ---------------------------------------------------------------

check "the figures follow the movements (a two-row insert too)" "90 15 5 0 10|2024:90:15,2024-Q2:60:10,2024-Q3:30:5" \
  "$(q "SELECT minutes || ' ' || earned || ' ' || redeemed || ' ' || expired || ' ' || balance
          FROM points_balance WHERE person_id = $P")|$(q "SELECT string_agg (period || ':' || minutes || ':' || earned, ','
          ORDER BY period) FROM points_period WHERE person_id = $P")"
refused "the points balance cannot go below zero" 'the points balance cannot go below zero' "" \
  "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor, points)
     VALUES ($A, $P, 'expire', 'expire', '2024-12-31', 1, 'tester', -11)"
refused "the service hours cannot go below zero" 'the service hours cannot go below zero' "" \
  "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor, minutes, reason)
     VALUES ($A, $P, 'correct', 'earn', '2024-12-31', 1, 'tester', -91, 'typo')"
refused "the figures cannot be edited apart from the movements" 'the points figures are kept from the movements' "" \
  "UPDATE points_balance SET balance = 100, earned = 105 WHERE person_id = $P"
refused "a movement of another community's person is refused" "a movement's person belongs to its community" "" \
  "INSERT INTO points_movement (community_id, person_id, kind, counts, day, entered_at, actor, points)
     VALUES ((SELECT max (id) + 1 FROM community), $P, 'earn', 'earn', '2024-12-31', 1, 'tester', 1)"
refused "an honour's period is a year or a quarter (GLOB)" 'violates check constraint "honour_period_check"' "" \
  "INSERT INTO honour (community_id, person_id, period, title, status, publicity_from, publicity_until)
     VALUES ($A, $P, '2024-Q5', '最美单元长', 'publicity', '2024-12-01', '2024-12-07')"
q "INSERT INTO honour (community_id, person_id, period, title, status, publicity_from, publicity_until)
     VALUES ($A, $P, '2024-Q4', '最美单元长', 'publicity', '2024-12-01', '2024-12-07')"
pass "an honour for a quarter is accepted"

# ---- Roles and row-level security -----------------------------------------

check "the roles sanzhang_admin, sanzhang_street and sanzhang_staff exist" "3" \
  "$(admin -c "SELECT count(*) FROM pg_roles WHERE rolname IN ('sanzhang_admin', 'sanzhang_street', 'sanzhang_staff')")"

check "row-level security is on for every table but the shared duty and record_category" "duty,record_category" \
  "$(q "SELECT string_agg (relname, ',' ORDER BY relname) FROM pg_class
         WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND NOT relrowsecurity")"

q "INSERT INTO community (name, street_office) VALUES ('第二社区', '测试街道')"
B=$(q "SELECT id FROM community WHERE name = '第二社区'")
q "INSERT INTO grid (community_id, number) VALUES ($B, 1);
   INSERT INTO compound (community_id, name) VALUES ($B, '乙小区');
   INSERT INTO building (compound_id, grid_id, name)
     SELECT c.id, g.id, '1栋' FROM compound c, grid g WHERE c.community_id = $B AND g.community_id = $B;
   INSERT INTO person (name, community_id) VALUES ('赵六', $B), ('钱七', $B), ('孙八', $B);"

admin -c "CREATE ROLE \"$staff_a\" LOGIN PASSWORD '$password' IN ROLE sanzhang_staff;
          CREATE ROLE \"$staff_b\" LOGIN PASSWORD '$password' IN ROLE sanzhang_staff;
          CREATE ROLE \"$street\" LOGIN PASSWORD '$password' IN ROLE sanzhang_street;"
q "INSERT INTO staff_grant VALUES ('$staff_a', $A), ('$staff_b', $B)"
if PGPASSWORD=$password "${PSQL[@]}" -U "$staff_a" -d "$db" -c "SELECT 1" >/dev/null 2>&1; then
  login_works=1
else
  echo "# the cluster does not let the test's roles log in: SET SESSION AUTHORIZATION stands for it"
fi

check "staff_a sees only its community's people" "2 $A $A" \
  "$(q_as "$staff_a" "SELECT count(*) || ' ' || min (community_id) || ' ' || max (community_id) FROM person")"
check "staff_b sees only its community's people" "3 $B $B" \
  "$(q_as "$staff_b" "SELECT count(*) || ' ' || min (community_id) || ' ' || max (community_id) FROM person")"
check "staff_a sees only its community, and its buildings through their compound" "1 $A 1" \
  "$(q_as "$staff_a" "SELECT (SELECT count(*) FROM community) || ' ' || (SELECT min (id) FROM community) || ' ' ||
                             (SELECT count(*) FROM building)")"
refused "staff_a cannot put a person in staff_b's community" 'new row violates row-level security policy for table "person"' \
  "$staff_a" "INSERT INTO person (name, community_id) VALUES ('周九', $B)"
refused "staff_b cannot move a person of its own into staff_a's community" \
  'new row violates row-level security policy for table "person"' \
  "$staff_b" "UPDATE person SET community_id = $A WHERE community_id = $B"
refused "staff cannot add a community" 'new row violates row-level security policy for table "community"' \
  "$staff_a" "INSERT INTO community (name) VALUES ('自建社区')"

q_as "$staff_a" "SET sanzhang.actor = 'somebody else'; INSERT INTO person (name, community_id) VALUES ('吴十', $A)"
check "staff_a's insert is logged with staff_a as the actor (sanzhang.actor is not believed)" "$staff_a" \
  "$(q "SELECT actor FROM audit_log WHERE entity = 'person' AND new_values LIKE '%吴十%'")"
refused "staff_a cannot update the audit log" 'permission denied for table audit_log' "$staff_a" \
  "UPDATE audit_log SET actor = 'x'"
refused "staff_a cannot delete from the audit log" 'permission denied for table audit_log' "$staff_a" \
  "DELETE FROM audit_log"
refused "staff_a cannot write into the audit log" 'permission denied for table audit_log' "$staff_a" \
  "INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('x', 'x', 'person', 1, 'insert')"
refused "staff_a cannot change the points ledger" 'permission denied for table points_movement' "$staff_a" \
  "UPDATE points_movement SET points = 100"
check "staff_a reads only the audit rows of its community" "0 true" \
  "$(q_as "$staff_a" "SELECT count(*) FILTER (WHERE coalesce (json_extract (new_values, '\$.community_id'), '') = '$B'
                                              OR (entity = 'community' AND entity_id = $B)) || ' ' ||
                             (count(*) FILTER (WHERE entity = 'building') = 1) FROM audit_log")"
check "a member of sanzhang_street sees both communities' people" "6 2" \
  "$(q_as "$street" "SELECT count(*) || ' ' || count (DISTINCT community_id) FROM person")"

# ---- Deleting a community, as sz_community_delete() does -----------------

refused "only the deletion of a community may mark it so" 'only the deletion of a community may mark it so' "" \
  "INSERT INTO community_deleting VALUES ($A)"
# What the community holds, as (entity, id) of the audit log, as the core
# reckons it (the rows there now are enough here); then the deletion.
if out=$(q "CREATE TEMP TABLE doomed AS
              SELECT 'community' AS entity, $A::bigint AS id
              UNION SELECT 'grid', id FROM grid WHERE community_id = $A
              UNION SELECT 'compound', id FROM compound WHERE community_id = $A
              UNION SELECT 'person', id FROM person WHERE community_id = $A
              UNION SELECT 'person_image', id FROM person WHERE community_id = $A
              UNION SELECT 'record', id FROM record WHERE community_id = $A
              UNION SELECT 'activity_type', id FROM activity_type WHERE community_id = $A
              UNION SELECT 'reward', id FROM reward WHERE community_id = $A
              UNION SELECT 'honour', id FROM honour WHERE community_id = $A
              UNION SELECT 'building', b.id FROM building b JOIN compound c ON c.id = b.compound_id
                                          WHERE c.community_id = $A
              UNION SELECT 'unit', u.id FROM unit u JOIN building b ON b.id = u.building_id
                                                    JOIN compound c ON c.id = b.compound_id WHERE c.community_id = $A
              UNION SELECT 'post', p.id FROM post p JOIN person n ON n.id = p.person_id WHERE n.community_id = $A;
            SET sanzhang.audit_purging = '$A';
            INSERT INTO community_deleting (community_id) VALUES ($A);
            SET sanzhang.audit_purging = '0';
            DELETE FROM points_movement WHERE community_id = $A;
            DELETE FROM redemption WHERE community_id = $A;
            DELETE FROM honour WHERE community_id = $A;
            DELETE FROM points_balance WHERE community_id = $A;
            DELETE FROM points_period WHERE community_id = $A;
            DELETE FROM compound WHERE community_id = $A;
            DELETE FROM grid WHERE community_id = $A;
            DELETE FROM person WHERE community_id = $A;
            DELETE FROM community WHERE id = $A;
            SET sanzhang.audit_purging = '$A';
            DELETE FROM audit_log
             WHERE (entity, entity_id) IN (SELECT entity, id FROM doomed)
               AND coalesce (json_extract (coalesce (new_values, old_values), '\$.community_id'), '$A') = '$A';" 2>&1); then
  check "a community goes with its records, history, points and audit rows; the other's stay" "0 0 0 0 0|1 1 1" \
    "$(q "SELECT (SELECT count(*) FROM record) || ' ' || (SELECT count(*) FROM record_event) || ' ' ||
                 (SELECT count(*) FROM points_movement) || ' ' || (SELECT count(*) FROM redemption) || ' ' ||
                 (SELECT count(*) FROM audit_log
                   WHERE entity <> 'record_category'
                     AND (json_extract (coalesce (new_values, old_values), '\$.community_id') = '$A'
                          OR (entity = 'community' AND entity_id = $A)))
                 || '|' || (SELECT count(*) FROM community) || ' ' || (SELECT count(*) FROM building)
                 || ' ' || (SELECT count(*) FROM audit_log WHERE entity = 'building')")"
else
  fail "a community goes with its records, history, points and audit rows; the other's stay" "$out"
fi

planned=1
echo "1..$n"
if [ "$failures" -gt 0 ]; then
  echo "# $failures of $n checks failed"
  exit 1
fi
