/* test-app.c: the desktop app with its real widgets, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the demo community in a real window and does what a user does:
 * selects places, edits a field with a good and a bad value, appoints a
 * head, searches people, exports a PDF through the export dialog's own
 * code path and reads it back.  Writes a screenshot of every page, in
 * zh_CN, to the build folder's screenshots/.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-board-view.h"
#include "sz-check.h"
#include "sz-data-export-dialog.h"
#include "sz-checks-page.h"
#include "sz-export-dialog.h"
#include "sz-people-page.h"
#include "sz-person-dialog.h"
#include "sz-hotline.h"
#include "sz-hotline-dialog.h"
#include "sz-import-dialog.h"
#include "sz-person-picker.h"
#include "sz-place-page.h"
#include "sz-stale-dialog.h"
#include "sz-place-sidebar.h"
#include "sz-preferences-window.h"
#include "sz-restore-dialog.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

static void
on_picked_cb (gint64 person_id, SzChosenBy chosen_by, gpointer user_data)
{
}

/* Every widget class can be made and destroyed: a .ui mistake shows only
 * at run time. */
static void
test_new_destroy (Fixture *f, gconstpointer data)
{
  GtkWindow *parent = GTK_WINDOW (f->window);
  g_autofree char *roster = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "gbk-wps.csv", NULL);
  g_autoptr(GFile) roster_file = g_file_new_for_path (roster);
  GtkWidget *windows[] = {
    sz_person_dialog_new (parent, f->session, 0),
    sz_export_dialog_new (parent, f->session, SZ_NODE_COMMUNITY, f->community),
    sz_preferences_window_new (parent, f->session),
    sz_person_picker_new (parent, f->session, "picker", on_picked_cb, NULL, NULL),
    sz_hotline_dialog_new (parent, f->session, 0, SZ_SCOPE_COMMUNITY, f->community),
    sz_stale_dialog_new (parent, f->session),
    sz_import_dialog_new (parent, f->session, roster_file),
    sz_restore_dialog_new (parent, f->session),
    sz_restore_dialog_new_for_damaged (f->path, "database disk image is malformed"),
    sz_data_export_dialog_new (parent, f->session),
  };

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      gtk_window_present (GTK_WINDOW (windows[i]));
      test_settle (50);
      gtk_window_destroy (GTK_WINDOW (windows[i]));
    }
  test_settle (50);
}

static SzTreeNode *
first_of (SzTreeNode *node, SzNodeKind kind)
{
  if (node->kind == kind)
    return node;
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      SzTreeNode *found = first_of (g_ptr_array_index (node->children, i), kind);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selecting places in the sidebar selects them for every page. */
static void
test_select_places (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = sz_tree_load (sz_session_get_db (f->session), f->community, &error);
  SzPlaceSidebar *sidebar = SZ_PLACE_SIDEBAR (sz_window_get_sidebar (f->window));
  SzNodeKind kinds[] = { SZ_NODE_GRID, SZ_NODE_COMPOUND, SZ_NODE_BUILDING, SZ_NODE_UNIT };

  g_assert_cmpuint (sz_place_sidebar_get_n_visible_rows (sidebar), >, 4);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      SzTreeNode *node = first_of (tree, kinds[i]);

      if (node == NULL)
        g_error ("the demo has no place of kind %d", kinds[i]);
      g_assert_true (sz_place_sidebar_select (sidebar, node->kind, node->id));
      test_settle (50);
      g_assert_cmpint (sz_session_get_place_kind (f->session), ==, node->kind);
      g_assert_cmpint (sz_session_get_place_id (f->session), ==, node->id);
    }
}

/* A field: a bad value is refused with the core's message under it and
 * nothing saved; a good one is saved and can be undone. */
static void
test_edit_field (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = sz_tree_load (sz_session_get_db (f->session), f->community, &error);
  SzTreeNode *unit = first_of (tree, SZ_NODE_UNIT);
  SzPlacePage *place = SZ_PLACE_PAGE (page (f, "place"));
  g_autoptr(SzUnit) before = sz_unit_get (sz_session_get_db (f->session), unit->id, &error);
  g_autoptr(SzUnit) after = NULL;
  g_autoptr(SzUnit) undone = NULL;

  sz_session_select_place (f->session, SZ_NODE_UNIT, unit->id);
  sz_window_show_page (f->window, "place");
  test_settle (100);

  sz_place_page_set_field (place, "households", "-3");
  g_assert_false (sz_place_page_save (place));
  g_assert_nonnull (sz_place_page_get_field_error (place, "households"));
  g_assert_cmpstr (sz_place_page_get_field_error (place, "households"), !=, "");

  sz_place_page_set_field (place, "households", "36");
  g_assert_true (sz_place_page_save (place));
  after = sz_unit_get (sz_session_get_db (f->session), unit->id, &error);
  g_assert_cmpint (after->households, ==, 36);
  g_assert_true (sz_session_can_undo (f->session));
  g_assert_true (sz_session_undo (f->session, &error));
  g_assert_no_error (error);
  undone = sz_unit_get (sz_session_get_db (f->session), unit->id, &error);
  g_assert_cmpint (undone->households, ==, before->households);
}

/* Appointing a head to a vacant post through the place page. */
static void
test_appoint (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GPtrArray) vacant = sz_vacancies (db, f->community, &error);
  SzVacancy *item;
  gint64 person;
  g_autoptr(SzPost) post = NULL;
  SzPlacePage *place = SZ_PLACE_PAGE (page (f, "place"));

  g_assert_no_error (error);
  g_assert_cmpuint (vacant->len, >, 0);
  item = g_ptr_array_index (vacant, 0);
  person = test_add_person (db, "新任单元长", "13800009876", TRUE);
  sz_session_select_place (f->session, item->level == SZ_LEVEL_GRID ? SZ_NODE_GRID
                           : item->level == SZ_LEVEL_BUILDING ? SZ_NODE_BUILDING : SZ_NODE_UNIT,
                           item->place_id);
  test_settle (100);
  sz_place_page_appoint (place, person, SZ_CHOSEN_ELECTION);
  test_settle (50);
  post = sz_post_get_current (db, item->level, item->place_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (post);
  g_assert_cmpint (post->person_id, ==, person);
}

/* Search as you type on the people page. */
static void
test_search (Fixture *f, gconstpointer data)
{
  SzPeoplePage *people = SZ_PEOPLE_PAGE (page (f, "people"));
  g_autofree char *first = NULL;

  sz_window_show_page (f->window, "people");
  test_settle (100);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), >=, 150);
  sz_people_page_set_search_text (people, "zhang");
  test_settle (50);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), >, 0);
  first = sz_people_page_get_row_name (people, 0);
  g_assert_true (g_str_has_prefix (first, "张"));
  /* The couple who share a phone (the demo's duplicate). */
  sz_people_page_set_search_text (people, "5733");
  test_settle (50);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 2);
  sz_people_page_set_search_text (people, "");
  test_settle (50);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), >=, 150);
}

static void
on_finished_cb (SzExportDialog *dialog, gboolean success, gboolean *done)
{
  *done = TRUE;
}

/* Export through the dialog's own path, then read the PDF back. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_autofree char *pdf = g_build_filename (dir, "丰和社区.pdf", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (pdf);
  GtkWidget *dialog = sz_export_dialog_new (GTK_WINDOW (f->window), f->session, SZ_NODE_COMMUNITY, f->community);
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL;
  const SzExportSummary *summary;
  gboolean done = FALSE;

  g_mkdir_with_parents (dir, 0700);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished_cb), &done);
  gtk_window_present (GTK_WINDOW (dialog));
  sz_export_dialog_set_kinds (SZ_EXPORT_DIALOG (dialog), 1u << SZ_BOARD_UNIT);
  sz_export_dialog_set_one_per_board (SZ_EXPORT_DIALOG (dialog), FALSE);
  sz_export_dialog_start (SZ_EXPORT_DIALOG (dialog), target);
  g_assert_true (test_wait_for (&done, 120000));
  summary = sz_export_dialog_get_summary (SZ_EXPORT_DIALOG (dialog));
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->boards, ==, 148);
  g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &info, NULL, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_nonnull (strstr (info, "Pages:           148"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A screenshot of every page at two window sizes, for a person to look at. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const char *pages[] = { "place", "board", "people", "checks" };
  const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };
  g_autofree char *dir = test_screenshot_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = sz_tree_load (sz_session_get_db (f->session), f->community, &error);
  SzTreeNode *unit = first_of (tree, SZ_NODE_UNIT);

  sz_session_select_place (f->session, SZ_NODE_UNIT, unit->id);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[s][0], sizes[s][1]);
      test_settle (200);
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%dx%d.png", pages[i], sizes[s][0], sizes[s][1]);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          sz_window_show_page (f->window, pages[i]);
          test_settle (400);
          g_assert_true (test_snapshot_png (GTK_WIDGET (f->window), path));
          g_test_message ("screenshot: %s", path);
        }
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app/new-destroy", Fixture, NULL, fixture_setup, test_new_destroy, fixture_teardown);
  g_test_add ("/app/select-places", Fixture, NULL, fixture_setup, test_select_places, fixture_teardown);
  g_test_add ("/app/edit-field", Fixture, NULL, fixture_setup, test_edit_field, fixture_teardown);
  g_test_add ("/app/appoint", Fixture, NULL, fixture_setup, test_appoint, fixture_teardown);
  g_test_add ("/app/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/app/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/app/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
