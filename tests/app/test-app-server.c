/* test-app-server.c: the app on a street office's server, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A staff member's window, logged in as their own server login, shows
 * their community only; when another staff member adds a person from
 * another connection, the open people page shows them within a few
 * seconds, with no restart.  Needs the cluster of build-aux/pg-cluster.sh
 * (SANZHANG_TEST_PG_HOST and _PORT); skips without it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sz-app-util.h"
#include "sz-demo.h"
#include "sz-people-page.h"
#include "sz-place-page.h"
#include "sz-preferences-window.h"
#include "sz-person.h"
#include "sz-roster.h"
#include "sz-server.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

static char *
location_as (const char *dbname,
             const char *user)
{
  return g_strdup_printf ("postgresql:///%s?host=%s&port=%s&user=%s", dbname, g_getenv ("SANZHANG_TEST_PG_HOST"),
                          g_getenv ("SANZHANG_TEST_PG_PORT"), user);
}

static void
test_live (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dbname = g_strdup_printf ("sz_app_live_%d", (int) getpid ());
  g_autofree char *staff = g_strdup_printf ("sz_app_clerk_%d", (int) getpid ());
  g_autofree char *admin_at = NULL;
  g_autofree char *staff_at = NULL;
  g_autofree char *drop = NULL;
  g_autoptr(SzPerson) p = NULL;
  SzDb *admin, *db;
  SzSession *session;
  SzWindow *window;
  SzPeoplePage *people;
  gint64 community = 0, other;
  guint before;

  if (g_getenv ("SANZHANG_TEST_PG_HOST") == NULL || g_getenv ("SANZHANG_TEST_PG_PORT") == NULL)
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  admin_at = location_as (dbname, "postgres");
  staff_at = location_as (dbname, staff);
  admin = sz_db_open (admin_at, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sz_demo_load (admin, &community, &error));
  {
    g_autoptr(SzCommunity) c = sz_community_new ();

    c->name = g_strdup ("长新社区");
    g_assert_true (sz_community_save (admin, c, &error));
    other = c->id;
  }
  g_assert_true (sz_server_grant (admin, staff, community, NULL, &error));
  g_assert_no_error (error);

  /* The staff member's window, on their own login. */
  db = sz_db_open (staff_at, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  session = sz_session_new (db, community, NULL);
  window = sz_window_new (NULL, session, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  test_settle (300);
  sz_window_show_page (window, "people");
  people = SZ_PEOPLE_PAGE (sz_window_get_page (window, "people"));
  before = sz_people_page_get_n_rows (people);
  g_assert_cmpuint (before, >=, 150);

  /* Another staff member adds someone to this community, and someone to
   * the other one, which this login does not see. */
  p = sz_person_new ();
  p->community_id = community;
  p->name = g_strdup ("新来的网格员");
  g_assert_true (sz_person_save (admin, p, &error));
  g_clear_pointer (&p, sz_person_free);
  p = sz_person_new ();
  p->community_id = other;
  p->name = g_strdup ("别的社区的人");
  g_assert_true (sz_person_save (admin, p, &error));

  test_settle_until (sz_people_page_get_n_rows (people) == before + 1, 5000);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, before + 1);
  sz_people_page_set_search_text (people, "新来的网格员");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 1);
  sz_people_page_set_search_text (people, "别的社区的人");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 0);
  sz_people_page_set_search_text (people, "新来的网格员");
  test_settle (100);
  test_screenshot (GTK_WIDGET (window), "server", "people-live", 1280, 800);

  /* A unit's households typed here while another staff member saves
   * another number: the save says who, when and what, keeps ours in the
   * form, and puts it in at the next save. */
  {
    SzPlacePage *place = SZ_PLACE_PAGE (sz_window_get_page (window, "place"));
    gint64 unit = 0;
    g_autoptr(SzUnit) u = NULL;
    const char *said;

    {
      SzStmt *stmt = sz_db_prepare (admin, "SELECT min(u.id) FROM unit u JOIN building b ON b.id = u.building_id"
                                           " JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1", &error);
      sz_stmt_bind_int64 (stmt, 1, community);
      g_assert_cmpint (sz_db_step (admin, stmt, &error), ==, SQLITE_ROW);
      unit = sz_stmt_column_int64 (stmt, 0);
      sz_stmt_reset (stmt);
    }
    sz_session_select_place (session, SZ_NODE_UNIT, unit);
    sz_window_show_page (window, "place");
    test_settle (200);
    sz_place_page_set_field (place, "households", "21");
    u = sz_unit_get (admin, unit, &error);
    u->households = 33;
    sz_db_set_actor (admin, "刘主任");
    g_assert_true (sz_unit_save (admin, u, &error));
    g_assert_no_error (error);
    test_settle (2500);
    g_assert_cmpstr (sz_place_page_get_field (place, "households"), ==, "21");

    g_assert_false (sz_place_page_save (place));
    said = sz_place_page_get_field_error (place, "households");
    g_assert_nonnull (said);
    g_test_message ("%s", said);
    g_assert_nonnull (strstr (said, "33"));
    g_assert_cmpstr (sz_place_page_get_field (place, "households"), ==, "21");
    g_clear_pointer (&u, sz_unit_free);
    u = sz_unit_get (admin, unit, &error);
    g_assert_cmpint (u->households, ==, 33);
    test_screenshot (GTK_WIDGET (window), "server", "place-conflict", 1280, 800);

    g_assert_true (sz_place_page_save (place));
    g_clear_pointer (&u, sz_unit_free);
    u = sz_unit_get (admin, unit, &error);
    g_assert_cmpint (u->households, ==, 21);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
  g_object_unref (session);
  drop = g_strdup_printf ("DROP ROLE \"%s\"", staff);
  g_assert_true (sz_db_exec (admin, "DELETE FROM staff_grant", &error));
  g_assert_true (sz_db_exec (admin, drop, &error));
  sz_db_close (admin);
}

/* The preferences keep the server's address in the settings and its
 * password in ~/.pgpass (0600), only after a connection that works; a
 * wrong address is said and nothing is kept. */
static void
test_preferences (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("org.sanzhang.Sanzhang");
  g_autofree char *dbname = g_strdup_printf ("sz_app_prefs_%d", (int) getpid ());
  g_autofree char *staff = g_strdup_printf ("sz_app_pw_%d", (int) getpid ());
  g_autofree char *admin_at = NULL;
  g_autofree char *staff_at = NULL;
  g_autofree char *pgpass = g_build_filename (g_get_home_dir (), ".pgpass", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *text = NULL;
  g_autofree char *drop = NULL;
  GtkWidget *window, *prefs;
  SzSession *session;
  SzDb *admin, *db;
  gint64 community = 0;
  GStatBuf st;

  if (g_getenv ("SANZHANG_TEST_PG_HOST") == NULL || g_getenv ("SANZHANG_TEST_PG_PORT") == NULL)
    {
      g_test_skip ("no PostgreSQL cluster (build-aux/pg-cluster.sh)");
      return;
    }
  g_setenv ("PGPASSFILE", pgpass, TRUE);
  admin_at = location_as (dbname, "postgres");
  staff_at = location_as (dbname, staff);
  admin = sz_db_open (admin_at, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sz_demo_load (admin, &community, &error));
  g_assert_true (sz_server_grant (admin, staff, community, "Mi:ma\\1", &error));
  g_assert_no_error (error);

  db = sz_db_open (admin_at, SZ_DB_OPEN_DEFAULT, &error);
  session = sz_session_new (db, community, settings);
  window = GTK_WIDGET (sz_window_new (NULL, session, FALSE));
  gtk_window_present (GTK_WINDOW (window));
  prefs = sz_preferences_window_new (GTK_WINDOW (window), session);
  gtk_window_present (GTK_WINDOW (prefs));
  test_settle (200);

  /* Not an address: said, nothing kept. */
  gtk_editable_set_text (GTK_EDITABLE (test_get_widget (prefs, "server_entry")), "192.168.1.10");
  g_signal_emit_by_name (test_get_widget (prefs, "server_apply_button"), "clicked");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (test_get_widget (prefs, "server_status"))),
                            "postgresql://"));
  kept = g_settings_get_string (settings, "server");
  g_assert_cmpstr (kept, ==, "");
  g_clear_pointer (&kept, g_free);

  /* The staff login with its password: connected, kept. */
  gtk_editable_set_text (GTK_EDITABLE (test_get_widget (prefs, "server_entry")), staff_at);
  gtk_editable_set_text (GTK_EDITABLE (test_get_widget (prefs, "server_password")), "Mi:ma\\1");
  g_signal_emit_by_name (test_get_widget (prefs, "server_apply_button"), "clicked");
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (test_get_widget (prefs, "server_status"))));
  g_assert_false (gtk_widget_has_css_class (test_get_widget (prefs, "server_status"), "error"));
  kept = g_settings_get_string (settings, "server");
  g_assert_cmpstr (kept, ==, staff_at);
  g_assert_null (strstr (kept, "Mi:ma"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_get_widget (prefs, "server_password"))), ==, "");
  g_assert_true (g_file_get_contents (pgpass, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, staff));
  g_assert_nonnull (strstr (text, ":Mi\\:ma\\\\1\n"));
  g_assert_cmpint (g_stat (pgpass, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  test_screenshot (prefs, "server", "preferences", 600, 900);

  /* Empty: back to the file. */
  gtk_editable_set_text (GTK_EDITABLE (test_get_widget (prefs, "server_entry")), "");
  g_signal_emit_by_name (test_get_widget (prefs, "server_apply_button"), "clicked");
  g_clear_pointer (&kept, g_free);
  kept = g_settings_get_string (settings, "server");
  g_assert_cmpstr (kept, ==, "");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
  g_object_unref (session);
  drop = g_strdup_printf ("DROP ROLE \"%s\"", staff);
  g_assert_true (sz_db_exec (admin, "DELETE FROM staff_grant", &error));
  g_assert_true (sz_db_exec (admin, drop, &error));
  sz_db_close (admin);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add_func ("/app-server/live", test_live);
  g_test_add_func ("/app-server/preferences", test_preferences);
  return test_app_finish (g_test_run (), home);
}
