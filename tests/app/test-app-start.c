/* test-app-start.c: starting clean, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo note and "Start an Empty Community…" (in the note and the main
 * menu) are there on every start while the demo is the only community,
 * not only the first, and go once an empty community replaces it; that
 * community's window shows no demo person.  A community with no grid
 * shows a start page whose two buttons open the import's file chooser
 * and the add-grid dialog; the first grid takes the page away.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-people-page.h"
#include "sz-person.h"
#include "sz-roster.h"
#include "sz-toast.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* A window over the database at @path, as the application opens it on a
 * start that is not the first (it passes FALSE: it loaded no demo). */
static SzWindow *
start_app (const char  *path,
           SzSession  **session)
{
  g_autoptr(GError) error = NULL;
  SzDb *db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  g_autoptr(SzCommunity) community = NULL;
  SzWindow *window;

  g_assert_no_error (error);
  community = sz_community_get_first (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (community);
  *session = sz_session_new (db, community->id, NULL);
  window = sz_window_new (NULL, *session, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  test_settle (300);
  return window;
}

static void
quit_app (SzWindow  *window,
          SzSession *session)
{
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
  g_object_unref (session);
}

static gboolean
demo_offered (SzWindow *window)
{
  gboolean note = gtk_revealer_get_reveal_child (GTK_REVEALER (test_get_widget (GTK_WIDGET (window), "demo_revealer")));
  gboolean button = gtk_widget_get_sensitive (test_get_widget (GTK_WIDGET (window), "new_community_button"));

  /* The note and its action (the menu item's too) go together. */
  g_assert_cmpint (note, ==, button);
  return note;
}

static const char *
main_page (SzWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (test_get_widget (GTK_WIDGET (window), "main_stack")));
}

/* The second start on the demo database still offers to replace it; the
 * empty community that replaces it shows none of the demo's people, and
 * the next start no longer offers it. */
static void
test_demo_every_start (void)
{
  g_autofree char *path = NULL;
  gint64 demo = 0;
  SzSession *session = NULL;
  SzWindow *window;
  GtkWidget *dialog;
  GtkWidget *menu_button;
  SzPeoplePage *people;
  gboolean only_demo = TRUE;
  g_autoptr(SzCommunity) current = NULL;
  g_autoptr(GError) error = NULL;

  /* The first start: the demo, loaded; then the program ends. */
  sz_db_close (test_open_demo ("start.db", &path, &demo));

  window = start_app (path, &session);
  g_assert_cmpint (sz_session_get_community_id (session), ==, demo);
  g_assert_true (demo_offered (window));
  menu_button = test_get_widget (GTK_WIDGET (window), "primary_menu_button");
  g_assert_true (test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.new-community"));
  test_screenshot (GTK_WIDGET (window), "start", "demo-second-start", 1280, 800);

  /* The main menu's item, as the note's button: the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-community", NULL));
  test_settle (200);
  dialog = test_find_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "entry")), "和平社区");
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "street")), "新华街道");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  /* A backup first, in a thread; then the change. */
  for (int i = 0; i < 3000 && dialog != NULL; i++)
    test_settle (10);
  g_assert_null (dialog);
  test_settle (200);

  /* (SQLite may give the new community the demo's id again.) */
  current = sz_community_get (sz_session_get_db (session), sz_session_get_community_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (current->name, ==, "和平社区");
  g_assert_false (current->demo);
  g_assert_false (demo_offered (window));
  g_assert_true (sz_community_only_demo (sz_session_get_db (session), &only_demo, &error));
  g_assert_no_error (error);
  g_assert_false (only_demo);
  /* The new community's window: the start page, and nobody on the
   * people page. */
  g_assert_cmpstr (main_page (window), ==, "start");
  people = SZ_PEOPLE_PAGE (sz_window_get_page (window, "people"));
  sz_window_show_page (window, "people");
  test_settle (200);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 0);
  g_assert_cmpstr (main_page (window), ==, "pages");
  quit_app (window, session);

  /* The next start: no note, no menu item. */
  window = start_app (path, &session);
  g_assert_false (demo_offered (window));
  quit_app (window, session);
  g_free (g_steal_pointer (&path));
}

static void
add_empty_community (Fixture *f)
{
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup ("和平社区");
  g_assert_true (sz_community_save (sz_session_get_db (f->session), c, &error));
  g_assert_no_error (error);
  sz_session_set_community_id (f->session, c->id);
  sz_window_show_page (f->window, "place");
  test_settle (300);
}

/* The start page says what to do, and its buttons do it. */
static void
test_start_page (Fixture *f, gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *chooser;
  GtkWidget *dialog;
  GtkWidget *name = NULL;
  const char *title;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_assert_cmpstr (main_page (f->window), ==, "pages");
  add_empty_community (f);
  g_assert_cmpstr (main_page (f->window), ==, "start");
  title = gtk_label_get_text (GTK_LABEL (test_get_widget (window, "start_title")));
  g_assert_nonnull (strstr (title, "和平社区"));
  test_screenshot (window, "start", "empty-community", 1280, 800);

  /* 导入名册…: the import's file chooser. */
  before = test_count_toplevels ();
  g_signal_emit_by_name (test_get_widget (window, "start_import_button"), "clicked");
  test_settle (300);
  chooser = test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  test_settle (200);
  g_assert_cmpuint (test_count_toplevels (), ==, before);

  /* 添加第一个网格…: the sidebar's add-grid dialog. */
  g_signal_emit_by_name (test_get_widget (window, "start_grid_button"), "clicked");
  test_settle (200);
  dialog = test_find_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (g_object_get_data (G_OBJECT (dialog), "edit-dialog"));
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_dialog_get_content_area (GTK_DIALOG (dialog))));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_ENTRY (w))
      name = w;
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "和平第一网格");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  test_settle (300);
  grids = sz_grid_list (sz_session_get_db (f->session), sz_session_get_community_id (f->session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grids->len, ==, 1);
  g_assert_cmpstr (main_page (f->window), ==, "pages");

  /* Ctrl+Z takes the grid away again, and the start page is back. */
  g_assert_true (test_press_shortcut (window, GDK_KEY_z, GDK_CONTROL_MASK));
  test_settle (300);
  g_assert_nonnull (sz_toast_get_text (SZ_TOAST (sz_window_get_toast (f->window))));
  g_assert_cmpstr (main_page (f->window), ==, "start");

  /* Its details are a click away. */
  g_signal_emit_by_name (test_get_widget (window, "start_details_button"), "clicked");
  test_settle (200);
  g_assert_cmpstr (main_page (f->window), ==, "pages");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_get_widget (window, "stack"))), ==, "place");
}

/* The demo's window has grids: no start page; and another page than
 * Place shows itself over an empty community. */
static void
test_other_pages (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (main_page (f->window), ==, "pages");
  add_empty_community (f);
  g_assert_cmpstr (main_page (f->window), ==, "start");
  sz_window_show_page (f->window, "records");
  test_settle (100);
  g_assert_cmpstr (main_page (f->window), ==, "pages");
  sz_window_show_page (f->window, "place");
  test_settle (100);
  g_assert_cmpstr (main_page (f->window), ==, "start");
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add_func ("/app-start/demo-every-start", test_demo_every_start);
  g_test_add ("/app-start/start-page", Fixture, NULL, fixture_setup, test_start_page, fixture_teardown);
  g_test_add ("/app-start/other-pages", Fixture, NULL, fixture_setup, test_other_pages, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
