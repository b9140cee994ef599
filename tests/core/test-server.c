/* test-server.c: a street office's PostgreSQL server: staff who see only
 * their communities, a copy between a file and the server and back, two
 * staff appointing at once, a connection that drops half-way, and other
 * staff's changes arriving.  Needs the cluster of build-aux/pg-cluster.sh
 * (SANZHANG_TEST_PG_HOST and _PORT); skips without it.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-audit.h"
#include "sz-copy.h"
#include "sz-demo.h"
#include "sz-server.h"

#include "sz-test-util.h"

static gboolean
have_cluster (void)
{
  return g_getenv ("SANZHANG_TEST_PG_HOST") != NULL && g_getenv ("SANZHANG_TEST_PG_PORT") != NULL;
}

/* A new database of the test cluster, as @user (postgres: the
 * administrator). */
static char *
location_as (const char *dbname,
             const char *user)
{
  return g_strdup_printf ("postgresql:///%s?host=%s&port=%s&user=%s", dbname, g_getenv ("SANZHANG_TEST_PG_HOST"),
                          g_getenv ("SANZHANG_TEST_PG_PORT"), user);
}

static char *
unique_name (const char *what)
{
  static guint counter;

  return g_strdup_printf ("sz_%s_%d_%u", what, (int) getpid (), ++counter);
}

static SzDb *
open_as (const char    *dbname,
         const char    *user,
         SzDbOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = location_as (dbname, user);
  SzDb *db = sz_db_open (location, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static gint64
count (SzDb       *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  SzStmt *stmt = sz_db_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sz_db_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

static void
drop_role (SzDb       *admin,
           const char *role)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS \"%s\"", role);

  g_assert_cmpint (test_exec (admin, "DELETE FROM staff_grant", NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_exec (admin, sql, NULL), ==, SQLITE_OK);
}

/* Two communities, a staff member each, and the street office: each sees
 * its own, even with SQL of its own; the server logs who did what. */
static void
test_rls (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = unique_name ("rls");
  g_autofree char *staff_a = unique_name ("wang");
  g_autofree char *staff_b = unique_name ("zhao");
  g_autofree char *chief = unique_name ("chief");
  SzDb *admin, *a, *b, *street;
  gint64 c1, c2, p1, p2;
  g_autoptr(SzPerson) intruder = NULL;
  g_autoptr(GPtrArray) log = NULL;
  char *msg = NULL;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  admin = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  c1 = test_add_community (admin, "丰和社区");
  c2 = test_add_community (admin, "长新社区");
  p1 = test_add_person_in (admin, c1, "王秀英", "13800001001", TRUE);
  p2 = test_add_person_in (admin, c2, "赵敏", "13800001002", TRUE);
  g_assert_true (sz_server_grant (admin, staff_a, c1, "pw-a", &error));
  g_assert_no_error (error);
  g_assert_true (sz_server_grant (admin, staff_b, c2, NULL, &error));
  g_assert_true (sz_server_grant (admin, chief, 0, NULL, &error));
  g_assert_false (sz_server_grant (admin, "bad name", c1, NULL, &error));
  g_assert_error (error, SZ_SERVER_ERROR, SZ_SERVER_ERROR_BAD_NAME);
  g_clear_error (&error);

  a = open_as (dbname, staff_a, SZ_DB_OPEN_DEFAULT);
  b = open_as (dbname, staff_b, SZ_DB_OPEN_DEFAULT);
  street = open_as (dbname, chief, SZ_DB_OPEN_DEFAULT);

  /* What each sees, through the core and through its own SQL. */
  g_assert_cmpint (count (a, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (count (a, "SELECT count(*) FROM person WHERE id = 2"), ==, 0);
  g_assert_cmpint (count (b, "SELECT count(*) FROM community"), ==, 1);
  g_assert_cmpint (count (street, "SELECT count(*) FROM person"), ==, 2);
  {
    g_autoptr(SzPerson) theirs = sz_person_get (a, p2, &error);

    g_assert_null (theirs);
    g_clear_error (&error);
  }

  /* Writing into the other community is refused, and nothing changes. */
  intruder = sz_person_new ();
  intruder->community_id = c2;
  intruder->name = g_strdup ("冒名者");
  g_assert_false (sz_person_save (a, intruder, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (count (street, "SELECT count(*) FROM person"), ==, 2);

  /* The log names the login, whatever the app claims; staff cannot touch
   * it. */
  {
    g_autoptr(SzPerson) own = sz_person_get (a, p1, &error);

    g_assert_no_error (error);
    sz_db_set_actor (a, "别人的名字");
    g_free (own->notes);
    own->notes = g_strdup ("改过");
    g_assert_true (sz_person_save (a, own, &error));
    g_assert_no_error (error);
  }
  log = sz_audit_list (street, "person", p1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((SzAuditEntry *) log->pdata[0])->actor, ==, staff_a);
  g_assert_cmpint (test_exec (a, "UPDATE audit_log SET actor = 'x'", &msg), !=, SQLITE_OK);
  g_test_message ("audit log: %s", msg);
  sqlite3_free (msg);
  g_assert_cmpint (test_exec (b, "DELETE FROM person", NULL), ==, SQLITE_OK);
  g_assert_cmpint (count (street, "SELECT count(*) FROM person"), ==, 1);

  /* Revoked: gone at the next statement. */
  g_assert_true (sz_server_revoke (admin, staff_a, c1, &error));
  g_assert_cmpint (count (a, "SELECT count(*) FROM person"), ==, 0);

  sz_db_close (a);
  sz_db_close (b);
  sz_db_close (street);
  drop_role (admin, staff_a);
  drop_role (admin, staff_b);
  drop_role (admin, chief);
  sz_db_close (admin);
}

static void
assert_same_tables (GPtrArray *x,
                    GPtrArray *y)
{
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      SzCopyTable *tx = x->pdata[i], *ty = y->pdata[i];

      g_assert_cmpstr (tx->name, ==, ty->name);
      g_assert_cmpint (tx->rows, ==, ty->rows);
      g_assert_cmpuint (tx->hash_from, ==, ty->hash_to);
    }
}

/* The demo from its file onto the server and back into a new file: every
 * table's rows and content hash alike on the three. */
static void
test_copy_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_file_path ("community.db");
  g_autofree char *back_file = test_file_path ("back.db");
  g_autofree char *dbname = unique_name ("copy");
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) again = NULL;
  SzDb *source, *server, *copy;
  gint64 id = 0;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  source = sz_db_open (file, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sz_demo_load (source, &id, &error));
  g_assert_no_error (error);
  server = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  there = sz_copy_database (source, server, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->len, >=, 20);

  copy = sz_db_open (back_file, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  back = sz_copy_database (server, copy, &error);
  g_assert_no_error (error);
  assert_same_tables (there, back);
  g_assert_cmpint (test_count (copy, "audit_log"), ==, test_count (source, "audit_log"));
  g_assert_cmpint (test_count (copy, "record_event"), ==, test_count (source, "record_event"));
  g_assert_cmpint (test_count (server, "points_movement"), ==, test_count (source, "points_movement"));

  /* New rows take ids after the copied ones, and the log goes on. */
  {
    gint64 max = count (server, "SELECT max(id) FROM person");
    gint64 added = test_add_person_in (server, id, "新来的", "13800009999", FALSE);

    g_assert_cmpint (added, ==, max + 1);
  }

  /* Never into a database that holds communities. */
  again = sz_copy_database (source, server, &error);
  g_assert_null (again);
  g_assert_error (error, SZ_COPY_ERROR, SZ_COPY_ERROR_NOT_EMPTY);

  sz_db_close (copy);
  sz_db_close (server);
  sz_db_close (source);
}

typedef struct
{
  char   *dbname;
  gint64  unit;
  gint64  person;
  gboolean ok;
  char   *message;
} Appointment;

static gpointer
appoint_thread (gpointer data)
{
  Appointment *ap = data;
  g_autoptr(GError) error = NULL;
  SzDb *db = open_as (ap->dbname, "postgres", SZ_DB_OPEN_DEFAULT);

  ap->ok = sz_post_appoint (db, SZ_LEVEL_UNIT, ap->unit, ap->person, "2026-01-01", SZ_CHOSEN_ELECTION, NULL, &error);
  ap->message = error != NULL ? g_strdup (error->message) : NULL;
  sz_db_close (db);
  return NULL;
}

/* Two staff appoint a head to the same unit at the same moment: one wins,
 * the other is told, and the unit has one head. */
static void
test_one_head (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = unique_name ("head");
  Appointment first = { 0 }, second = { 0 };
  GThread *t1, *t2;
  SzDb *admin;
  gint64 c, grid, compound, building;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  admin = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  c = test_add_community (admin, "丰和社区");
  grid = test_add_grid (admin, c, 1, "", 300);
  compound = test_add_compound (admin, c, "翠湖名苑");
  building = test_add_building (admin, compound, grid, "1号楼");
  first.unit = second.unit = test_add_unit (admin, building, 1, 12);
  first.person = test_add_person_in (admin, c, "杨淑华", "13800004020", TRUE);
  second.person = test_add_person_in (admin, c, "程明", "13800002082", TRUE);
  first.dbname = second.dbname = dbname;

  /* The first holds its transaction open while the second tries. */
  g_assert_true (sz_db_begin (admin, &error));
  g_assert_true (sz_post_appoint (admin, SZ_LEVEL_UNIT, first.unit, first.person, "2026-01-01",
                                  SZ_CHOSEN_ELECTION, NULL, &error));
  t2 = g_thread_new ("second", appoint_thread, &second);
  g_usleep (300 * 1000);
  g_assert_true (sz_db_end (admin, TRUE, &error));
  g_thread_join (t2);
  g_test_message ("second: %s", second.message ? second.message : "(saved)");
  g_assert_cmpint (count (admin, "SELECT count(*) FROM post WHERE unit_id IS NOT NULL AND end_date IS NULL"), ==, 1);

  /* Both at once, without waiting: still one head. */
  first.unit = second.unit = test_add_unit (admin, building, 2, 12);
  g_clear_pointer (&second.message, g_free);
  t1 = g_thread_new ("first", appoint_thread, &first);
  t2 = g_thread_new ("second", appoint_thread, &second);
  g_thread_join (t1);
  g_thread_join (t2);
  g_assert_true (first.ok || second.ok);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM post WHERE unit_id IS NOT NULL AND end_date IS NULL"), ==, 2);
  g_free (first.message);
  g_free (second.message);
  sz_db_close (admin);
}

/* The connection drops in the middle of an action: nothing of it stays,
 * the app is told the server cannot be reached, and the next action
 * connects again. */
static void
test_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = unique_name ("drop");
  g_autofree char *kill = NULL;
  SzDb *admin, *staff;
  gint64 c, pid;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  admin = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  c = test_add_community (admin, "丰和社区");
  staff = open_as (dbname, "postgres", SZ_DB_OPEN_DEFAULT);
  pid = count (staff, "SELECT pg_backend_pid()");

  g_assert_true (sz_db_begin (staff, &error));
  test_add_person_in (staff, c, "半途", "13800001111", TRUE);
  kill = g_strdup_printf ("SELECT pg_terminate_backend(%" G_GINT64_FORMAT ")", pid);
  g_assert_cmpint (test_exec (admin, kill, NULL), ==, SQLITE_OK);
  g_usleep (100 * 1000);
  {
    g_autoptr(SzPerson) p = sz_person_new ();

    p->community_id = c;
    p->name = g_strdup ("第二个");
    g_assert_false (sz_person_save (staff, p, &error));
    g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_UNREACHABLE);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  g_assert_false (sz_db_end (staff, FALSE, NULL));
  g_assert_cmpint (count (admin, "SELECT count(*) FROM person"), ==, 0);

  /* The next action connects again. */
  test_add_person_in (staff, c, "重新连上", "13800002222", TRUE);
  g_assert_cmpint (count (admin, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (count (staff, "SELECT pg_backend_pid()"), !=, pid);
  sz_db_close (staff);
  sz_db_close (admin);
}

/* Another staff member's change reaches an open connection within a
 * second or two, without a restart. */
static void
test_notified (void)
{
  g_autofree char *dbname = unique_name ("notify");
  SzDb *one, *other;
  guint64 before, own_before;
  gint64 c;
  gint64 waited = 0;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  one = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  c = test_add_community (one, "丰和社区");
  other = open_as (dbname, "postgres", SZ_DB_OPEN_DEFAULT);
  before = sz_db_get_others_changes (other);
  own_before = sz_db_get_others_changes (one);
  test_add_person_in (one, c, "新来的", "13800003333", TRUE);
  while (sz_db_get_others_changes (other) == before && waited < 2000)
    {
      g_usleep (20 * 1000);
      waited += 20;
    }
  g_test_message ("seen after %" G_GINT64_FORMAT " ms", waited);
  g_assert_cmpuint (sz_db_get_others_changes (other), >, before);
  /* One's own changes are not another's. */
  g_assert_cmpuint (sz_db_get_others_changes (one), ==, own_before);
  sz_db_close (other);
  sz_db_close (one);
}

/* Two staff edit the same person: the second save, based on what was
 * there before the first, is refused naming who changed it; what the
 * second typed is still in hand, and saves once read again. */
static void
test_stale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = unique_name ("stale");
  g_autofree char *clerk = unique_name ("li");
  g_autoptr(SzPerson) mine = NULL;
  g_autoptr(SzPerson) theirs = NULL;
  g_autoptr(SzPerson) again = NULL;
  SzDb *admin, *one, *other;
  gint64 c, id;

  if (!have_cluster ())
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  admin = open_as (dbname, "postgres", SZ_DB_OPEN_CREATE);
  c = test_add_community (admin, "丰和社区");
  id = test_add_person_in (admin, c, "王秀英", "13800001001", TRUE);
  g_assert_true (sz_server_grant (admin, clerk, c, NULL, &error));
  one = open_as (dbname, "postgres", SZ_DB_OPEN_DEFAULT);
  other = open_as (dbname, clerk, SZ_DB_OPEN_DEFAULT);

  mine = sz_person_get (one, id, &error);
  theirs = sz_person_get (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->version, >, 0);
  g_free (theirs->notes);
  theirs->notes = g_strdup ("搬到 3 栋");
  g_assert_true (sz_person_save (other, theirs, &error));
  g_assert_no_error (error);

  g_free (mine->phone);
  mine->phone = g_strdup ("13900002222");
  g_assert_false (sz_person_save (one, mine, &error));
  g_assert_error (error, SZ_DB_ERROR, SZ_DB_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, clerk));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpstr (mine->phone, ==, "13900002222");

  /* Read again, the change goes in on top of theirs. */
  again = sz_person_get (one, id, &error);
  g_free (again->phone);
  again->phone = g_strdup (mine->phone);
  g_assert_true (sz_person_save (one, again, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, sz_person_free);
  again = sz_person_get (admin, id, &error);
  g_assert_cmpstr (again->notes, ==, "搬到 3 栋");
  g_assert_cmpstr (again->phone, ==, "13900002222");

  sz_db_close (other);
  sz_db_close (one);
  drop_role (admin, clerk);
  sz_db_close (admin);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/server/rls", test_rls);
  g_test_add_func ("/server/copy-round-trip", test_copy_round_trip);
  g_test_add_func ("/server/one-head", test_one_head);
  g_test_add_func ("/server/dropped", test_dropped);
  g_test_add_func ("/server/notified", test_notified);
  g_test_add_func ("/server/stale", test_stale);
  return g_test_run ();
}
